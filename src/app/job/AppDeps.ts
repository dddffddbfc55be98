import type { GateRequest } from "../../gate/runGate.js";
import type { Verdict } from "../../gate/Verdict.js";
import type { MarkdownOptions } from "../../report/markdownReport.js";
import type { ExplainRule } from "../commands/explainRule.js";
import type { ClientLimits } from "../handlers/instrument.js";
import type { AppMetrics } from "../ops/metrics.js";
import type { JobRegistry } from "./JobRegistry.js";
import type { ReadLimits } from "./readChange.js";

/** Limits of one job. */
export interface JobLimits extends ReadLimits, ClientLimits {
  /** Whole job, download to publish. */
  jobTimeoutMs: number;
  /** Least time between two `/gitops recheck` runs of one PR. */
  commandCooldownMs: number;
}

/** What the app is built from; tests replace any part. */
export interface AppDeps {
  gate: (request: GateRequest) => Promise<Verdict>;
  report: (verdict: Verdict, opts?: MarkdownOptions) => string;
  explainRule: ExplainRule;
  registry: JobRegistry;
  metrics: AppMetrics;
  limits: JobLimits;
  /** Parent of the per-job temp dirs. */
  tmpRoot: string;
  now: () => Date;
}

/** Defaults sized for a GitOps repository, not a monorepo of code. */
export const DEFAULT_LIMITS: JobLimits = {
  maxArchiveBytes: 100 * 1024 * 1024,
  maxBytes: 500 * 1024 * 1024,
  maxEntries: 50_000,
  maxCommits: 100,
  jobTimeoutMs: 10 * 60_000,
  commandCooldownMs: 30_000,
  requestTimeoutMs: 30_000,
  retryAfterUnitMs: 1000,
  rateLimitRetries: 2,
};
