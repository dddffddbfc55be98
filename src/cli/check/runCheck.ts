import { readFile, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseConfig } from "../../config/parseConfig.js";
import { runGate, type GateDeps } from "../../gate/runGate.js";
import type { GitRunner } from "../../workspace/git.js";
import type { CliIO } from "../CliIO.js";
import { UsageError } from "../UsageError.js";
import type { CheckOptions } from "./CheckOptions.js";
import { formatVerdict } from "./formatVerdict.js";
import { prepareRequest } from "./prepareRequest.js";
import { checks as defaultChecks } from "../../checks/checks.js";
import { policyCheckWithOrgDir } from "../../checks/policy/policyCheck.js";

/** What `runCheck` needs besides the options. */
export interface CheckEnv {
  io: CliIO;
  git: GitRunner;
  version: string;
  deps?: GateDeps;
}

/**
 * `gitops-gate check`: runs the gate and prints the report. Returns the
 * exit code: 0 pass, 1 blocking findings. Usage and config problems throw
 * (the caller maps them to exit code 2).
 */
export async function runCheck(
  opts: CheckOptions,
  env: CheckEnv,
): Promise<number> {
  const { request, cleanup } = await prepareRequest(opts, env.io.cwd, env.git);
  try {
    if (opts.config) {
      const file = resolve(env.io.cwd, opts.config);
      const text = await readFile(file).catch((cause: Error) => {
        throw new UsageError(`cannot read --config ${opts.config}`, { cause });
      });
      request.config = parseConfig(opts.config, text);
      request.configPath = opts.config;
    }
    if (env.io.stderrIsTTY) env.io.stderr("gitops-gate: checking…\n");
    if (opts.failOn) request.failOn = opts.failOn;
    const verdict = await runGate(request, withOrgPolicies(env, opts));
    const color = env.io.stdoutIsTTY && !opts.output && !env.io.env["NO_COLOR"];
    const text = formatVerdict(verdict, opts.format, {
      color,
      version: env.version,
    });
    if (opts.output) await writeFile(resolve(env.io.cwd, opts.output), text);
    else env.io.stdout(text);
    return verdict.conclusion === "failure" ? 1 : 0;
  } finally {
    await Promise.all(
      cleanup.map((d) => rm(d, { recursive: true, force: true })),
    );
  }
}

/** Swaps in a policy check that also reads `--org-policies DIR`. */
function withOrgPolicies(env: CheckEnv, opts: CheckOptions): GateDeps {
  const deps = env.deps ?? {};
  if (!opts.orgPolicies) return deps;
  const org = policyCheckWithOrgDir(resolve(env.io.cwd, opts.orgPolicies));
  const checks = (deps.checks ?? defaultChecks).map((c) =>
    c.name === "policy" ? org : c,
  );
  return { ...deps, checks };
}
