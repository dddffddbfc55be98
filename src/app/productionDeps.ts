import { tmpdir } from "node:os";
import { collectDefaultMetrics } from "prom-client";
import { runGate } from "../gate/runGate.js";
import { markdownReport } from "../report/markdownReport.js";
import { builtinRuleExplainer } from "./commands/explainRule.js";
import { DEFAULT_LIMITS, type AppDeps } from "./job/AppDeps.js";
import { JobRegistry } from "./job/JobRegistry.js";
import { createMetrics } from "./ops/metrics.js";

/**
 * The app's parts in production. `env` may set `GITOPS_GATE_TMPDIR`
 * (where checkouts are unpacked), `GITOPS_GATE_JOB_TIMEOUT_SECONDS` and
 * `GITOPS_GATE_CONCURRENT_JOBS` (default 2).
 */
export function productionDeps(env: NodeJS.ProcessEnv = process.env): AppDeps {
  const metrics = createMetrics();
  collectDefaultMetrics({ register: metrics.registry });
  const timeout = Number(env.GITOPS_GATE_JOB_TIMEOUT_SECONDS);
  const concurrent = Number(env.GITOPS_GATE_CONCURRENT_JOBS);
  return {
    gate: (request) => runGate(request),
    report: markdownReport,
    explainRule: builtinRuleExplainer(),
    registry: new JobRegistry(concurrent > 0 ? concurrent : 2),
    metrics,
    limits: {
      ...DEFAULT_LIMITS,
      ...(timeout > 0 ? { jobTimeoutMs: timeout * 1000 } : {}),
    },
    tmpRoot: env.GITOPS_GATE_TMPDIR ?? tmpdir(),
    now: () => new Date(),
  };
}
