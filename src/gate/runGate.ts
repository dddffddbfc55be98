import type { Check, CheckInput } from "../checks/Check.js";
import { checks as defaultChecks } from "../checks/checks.js";
import { environmentOf } from "../config/environmentOf.js";
import { loadConfig, type LoadedConfig } from "../config/loadConfig.js";
import type { Config } from "../config/schema.js";
import type { Finding } from "../findings/finding.js";
import { diffRenders } from "../render/diff/diffRenders.js";
import type { Renderer } from "../render/Renderer.js";
import type { RenderedTarget } from "../render/RenderTarget.js";
import { renderers as defaultRenderers } from "../render/renderers.js";
import { SecretRegistry } from "../secrets/SecretRegistry.js";
import { scrubDeep } from "../secrets/scrubDeep.js";
import type { ChangeSet } from "../workspace/ChangeSet.js";
import type { Tree } from "../workspace/Tree.js";
import { applyOverrides } from "./applyOverrides.js";
import { checksWithRegistry } from "./checksWithRegistry.js";
import { configChangeFindings } from "./configChangeFindings.js";
import { dedupeFindings } from "../findings/dedupeFindings.js";
import { failClosedFindings } from "./failClosedFindings.js";
import { findingKey, judge } from "./judge.js";
import { renderStage, type Renders } from "./renderStage.js";
import { runChecks } from "./runChecks.js";
import type { TargetSummary, Verdict } from "./Verdict.js";

/** What the gate is asked to check. */
export interface GateRequest {
  head: Tree;
  /** The base checkout; absent when checking a whole tree. */
  base?: Tree;
  changes: ChangeSet;
  /** Preloaded config (the app loads it with org defaults); else read from
   * the base tree (the head tree when there is no base). */
  config?: Config;
  configPath?: string;
  /** Overrides `gate.failOn` of the config (the CLI's `--fail-on`). */
  failOn?: Config["gate"]["failOn"];
  signal?: AbortSignal;
}

/** Replaceable parts, for tests and the app. */
export interface GateDeps {
  checks?: readonly Check[];
  renderers?: readonly Renderer[];
  now?: () => number;
}

/**
 * The gate pipeline: trust (config from base), discover and render, check,
 * judge. Throws `ConfigError` for invalid config; every other problem ends
 * up as a finding. Every string of the verdict is scrubbed of the secret
 * values the run found.
 */
export async function runGate(
  request: GateRequest,
  deps: GateDeps = {},
): Promise<Verdict> {
  const started = (deps.now ?? Date.now)();
  const trusted = await trust(request);
  const { config } = trusted;
  const renders = await renderStage(
    deps.renderers ?? defaultRenderers,
    request,
    config,
    request.changes,
    request.signal,
  );
  const registry = new SecretRegistry();
  const checks = checksWithRegistry(deps.checks ?? defaultChecks, registry);
  const input = checkInput(request, config, renders);
  const findings = await check(checks, input, request);
  const baseKeys = await existingFindings(checks, input, config);
  const verdict = conclude(findings, request, trusted, renders, baseKeys);
  verdict.summary.durationMs = (deps.now ?? Date.now)() - started;
  return scrubDeep(verdict, (t) => registry.mask(t));
}

/** Step 1: config from the base tree (or as preloaded by the caller). */
async function trust(request: GateRequest): Promise<LoadedConfig> {
  if (!request.config) return loadConfig(request.base ?? request.head);
  const loaded: LoadedConfig = { config: request.config };
  if (request.configPath) loaded.path = request.configPath;
  return loaded;
}

function checkInput(
  request: GateRequest,
  config: Config,
  renders: Renders,
): CheckInput {
  const input: CheckInput = {
    config,
    head: request.head,
    targets: renders.head,
    changes: request.changes,
    environmentOf: (p: string) => environmentOf(config, p),
  };
  if (request.base) input.base = request.base;
  if (renders.base) input.baseTargets = renders.base;
  if (request.signal) input.signal = request.signal;
  return input;
}

/** Step 4: render findings, every check, and the config-change notes. */
async function check(
  checks: readonly Check[],
  input: CheckInput,
  request: GateRequest,
): Promise<Finding[]> {
  const found = [
    ...input.targets.flatMap((t) => t.findings),
    ...failClosedFindings(input.targets),
    ...(await runChecks(checks, input)),
    ...(await configChangeFindings(request)),
  ].map((f) => withEnvironment(f, input.config));
  return dedupeFindings(applyOverrides(found, input.config.overrides));
}

/** Keys of the findings the base branch already has (newFindingsOnly). */
async function existingFindings(
  checks: readonly Check[],
  input: CheckInput,
  config: Config,
): Promise<Set<string> | undefined> {
  if (!config.gate.newFindingsOnly || !input.base || !input.baseTargets) {
    return undefined;
  }
  const { baseTargets, base, ...rest } = input;
  const onBase = { ...rest, head: base, targets: baseTargets };
  const findings = [
    ...baseTargets.flatMap((t) => t.findings),
    ...(await runChecks(checks, onBase)),
  ];
  return new Set(findings.map(findingKey));
}

/** Step 5: judge, summarise and attach the rendered diff. */
function conclude(
  findings: Finding[],
  request: GateRequest,
  trusted: LoadedConfig,
  renders: Renders,
  baseKeys?: ReadonlySet<string>,
): Verdict {
  const gate = {
    ...trusted.config.gate,
    failOn: request.failOn ?? trusted.config.gate.failOn,
  };
  const judged = judge(findings, gate, renders.targets.length, baseKeys);
  const verdict: Verdict = {
    conclusion: judged.conclusion,
    findings: judged.findings,
    summary: {
      conclusion: judged.conclusion,
      reason: judged.reason,
      counts: judged.counts,
      byCheck: judged.byCheck,
      blocking: judged.blocking,
      targets: renders.head.map(summarise),
      changedPaths: request.changes.paths.length,
      ...(trusted.path ? { configPath: trusted.path } : {}),
      durationMs: 0,
    },
  };
  if (renders.base) {
    const { hideChartLabels, maxKB } = trusted.config.render.diff;
    verdict.diff = diffRenders(renders.base, renders.head, {
      hideChartLabels,
      maxBytes: maxKB * 1024,
      fullDiff: "the JSON report (gitops-gate check --format json)",
    });
  }
  return verdict;
}

function withEnvironment(f: Finding, config: Config): Finding {
  if (f.environment !== undefined) return f;
  const env = environmentOf(config, f.location.path);
  return env === undefined ? f : { ...f, environment: env };
}

function summarise(t: RenderedTarget): TargetSummary {
  const s: TargetSummary = {
    id: t.target.id,
    kind: t.target.kind,
    path: t.target.path,
    ok: t.ok,
    resources: t.resources.length,
  };
  if (t.target.environment) s.environment = t.target.environment;
  return s;
}
