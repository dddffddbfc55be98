import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { checks as defaultChecks } from "../../checks/checks.js";
import { policyCheckWithOrgDir } from "../../checks/policy/policyCheck.js";
import { loadConfig } from "../../config/loadConfig.js";
import { parseConfig } from "../../config/parseConfig.js";
import {
  runGate,
  type GateDeps,
  type GateRequest,
} from "../../gate/runGate.js";
import type { GitRunner } from "../../workspace/git.js";
import type { CliIO } from "../CliIO.js";
import { fsReason } from "../describeFsError.js";
import { UsageError } from "../UsageError.js";
import type { CheckOptions } from "./CheckOptions.js";
import { formatVerdict } from "./formatVerdict.js";
import { prepareRequest } from "./prepareRequest.js";

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
    await applyConfigOption(request, opts, env.io.cwd);
    if (opts.orgPolicies) await checkOrgPolicies(request, opts, env.io);
    if (env.io.stderrIsTTY) env.io.stderr("gitops-gate: checking…\n");
    if (opts.failOn) request.failOn = opts.failOn;
    const verdict = await runGate(request, withOrgPolicies(env, opts));
    const color = env.io.stdoutIsTTY && !opts.output && !env.io.env["NO_COLOR"];
    const text = formatVerdict(verdict, opts.format, {
      color,
      version: env.version,
    });
    if (opts.output) {
      await writeFile(resolve(env.io.cwd, opts.output), text);
      // The report went to a file: say where, and what it concluded.
      env.io.stderr(
        `gitops-gate: ${verdict.conclusion} (${verdict.summary.reason}); ` +
          `report written to ${opts.output}\n`,
      );
    } else env.io.stdout(text);
    return verdict.conclusion === "failure" ? 1 : 0;
  } finally {
    await Promise.all(
      cleanup.map((d) => rm(d, { recursive: true, force: true })),
    );
  }
}

/** `--config FILE`, resolved from the current directory, replaces base's. */
async function applyConfigOption(
  request: GateRequest,
  opts: CheckOptions,
  cwd: string,
): Promise<void> {
  if (!opts.config) return;
  const file = resolve(cwd, opts.config);
  const text = await readFile(file).catch((cause: Error) => {
    const why = fsReason(cause) ?? cause.message;
    throw new UsageError(
      `cannot read --config ${opts.config} (${file}): ${why}; the path is ` +
        "resolved from the current directory, not from DIR",
      { cause },
    );
  });
  request.config = parseConfig(opts.config, text);
  request.configPath = opts.config;
}

/**
 * `--org-policies DIR` must be a directory, and is only read when the
 * config names an org policy repository (`checks.policy.org`): say so
 * rather than ignore it silently.
 */
async function checkOrgPolicies(
  request: GateRequest,
  opts: CheckOptions,
  io: CliIO,
): Promise<void> {
  const dir = resolve(io.cwd, opts.orgPolicies!);
  const info = await stat(dir).catch((cause: Error) => {
    const why = fsReason(cause) ?? cause.message;
    throw new UsageError(`--org-policies ${opts.orgPolicies}: ${why}`, {
      cause,
    });
  });
  if (!info.isDirectory()) {
    throw new UsageError(
      `--org-policies ${opts.orgPolicies}: not a directory (give a local ` +
        "checkout of the org's policy repository)",
    );
  }
  if (!request.config) {
    const loaded = await loadConfig(request.base ?? request.head);
    request.config = loaded.config;
    if (loaded.path) request.configPath = loaded.path;
  }
  if (!request.config.checks.policy.org) {
    io.stderr(
      `gitops-gate: --org-policies ${opts.orgPolicies} is not used: the ` +
        "config has no checks.policy.org (set its repo, ref and path)\n",
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
