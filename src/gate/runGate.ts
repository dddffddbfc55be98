import type { Check } from "../checks/Check.js";
import { checks as defaultChecks } from "../checks/checks.js";
import { environmentOf } from "../config/environmentOf.js";
import { loadConfig } from "../config/loadConfig.js";
import type { Config } from "../config/schema.js";
import type { Finding } from "../findings/finding.js";
import type { Renderer, RenderContext } from "../render/Renderer.js";
import type { RenderedTarget } from "../render/RenderTarget.js";
import { renderers as defaultRenderers } from "../render/renderers.js";
import type { ChangeSet } from "../workspace/ChangeSet.js";
import type { Tree } from "../workspace/Tree.js";
import { applyOverrides } from "./applyOverrides.js";
import { configChangeFindings } from "./configChangeFindings.js";
import { findingKey, judge } from "./judge.js";
import { renderTargets } from "./renderTargets.js";
import { runChecks } from "./runChecks.js";
import { selectTargets } from "./selectTargets.js";
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
 * The gate pipeline: trust (config from base), discover, render, check,
 * judge. Throws `ConfigError` for invalid config; every other problem ends
 * up as a finding.
 */
export async function runGate(
  request: GateRequest,
  deps: GateDeps = {},
): Promise<Verdict> {
  const now = deps.now ?? Date.now;
  const started = now();
  const { config, path: configPath } = request.config
    ? { config: request.config, path: request.configPath }
    : await loadConfig(request.base ?? request.head);
  const renderers = deps.renderers ?? defaultRenderers;
  const headCtx = renderContext(request.head, config, request.signal);
  const targets = await selectTargets(renderers, headCtx, request.changes);
  const head = await renderTargets(renderers, targets, headCtx);
  const base = request.base
    ? await renderBase(renderers, request.base, request, config)
    : undefined;
  const input = {
    config,
    head: request.head,
    targets: head,
    changes: request.changes,
    environmentOf: (p: string) => environmentOf(config, p),
    ...(request.base ? { base: request.base } : {}),
    ...(base ? { baseTargets: base } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  };
  const found = [
    ...head.flatMap((t) => t.findings),
    ...(await runChecks(deps.checks ?? defaultChecks, input)),
    ...(await configChangeFindings(request)),
  ].map((f) => withEnvironment(f, config));
  const overridden = applyOverrides(found, config.overrides);
  const baseKeys =
    config.gate.newFindingsOnly && request.base && base
      ? await baseFindingKeys(deps.checks ?? defaultChecks, {
          ...input,
          head: request.base,
          targets: base,
        })
      : undefined;
  const gate = { ...config.gate, failOn: request.failOn ?? config.gate.failOn };
  const judged = judge(overridden, gate, targets.length, baseKeys);
  return {
    conclusion: judged.conclusion,
    findings: judged.findings,
    summary: {
      conclusion: judged.conclusion,
      reason: judged.reason,
      counts: judged.counts,
      byCheck: judged.byCheck,
      blocking: judged.blocking,
      targets: head.map(summarise),
      changedPaths: request.changes.paths.length,
      ...(configPath ? { configPath } : {}),
      durationMs: now() - started,
    },
  };
}

function renderContext(
  tree: Tree,
  config: Config,
  signal?: AbortSignal,
): RenderContext {
  const rendering = withoutPolicyDirs(config);
  return signal
    ? { tree, config: rendering, signal }
    : { tree, config: rendering };
}

/** Policy folders hold Rego, data and Gatekeeper templates for the policy
 * check, not manifests to deploy: plain rendering leaves them out. */
function withoutPolicyDirs(config: Config): Config {
  const dirs = config.checks.policy.paths.map(
    (p) => `${p.replace(/\/+$/, "")}/**`,
  );
  const plain = config.render.plain;
  return {
    ...config,
    render: {
      ...config.render,
      plain: { ...plain, exclude: [...plain.exclude, ...dirs] },
    },
  };
}

async function renderBase(
  renderers: readonly Renderer[],
  tree: Tree,
  request: GateRequest,
  config: Config,
): Promise<RenderedTarget[]> {
  const ctx = renderContext(tree, config, request.signal);
  const targets = await selectTargets(renderers, ctx, request.changes);
  return renderTargets(renderers, targets, ctx);
}

/** Keys of the findings the base branch already has (newFindingsOnly). */
async function baseFindingKeys(
  checks: readonly Check[],
  input: Parameters<typeof runChecks>[1],
): Promise<Set<string>> {
  const { baseTargets: _b, base: _t, ...rest } = input;
  const findings = [
    ...input.targets.flatMap((t) => t.findings),
    ...(await runChecks(checks, rest)),
  ];
  return new Set(findings.map(findingKey));
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
