import type { RenderDiff } from "../render/diff/RenderDiff.js";
import type { CheckName, Finding, Severity } from "../findings/finding.js";

/** How the gate concludes: maps 1:1 to a GitHub check-run conclusion. */
export type Conclusion = "success" | "failure" | "neutral";

/** One rendered target in the summary. */
export interface TargetSummary {
  id: string;
  kind: string;
  path: string;
  environment?: string;
  ok: boolean;
  resources: number;
}

/** Counts and facts for reports. */
export interface VerdictSummary {
  conclusion: Conclusion;
  /** Why the conclusion is what it is, one sentence. */
  reason: string;
  counts: Record<Severity, number>;
  byCheck: Partial<Record<CheckName, Record<Severity, number>>>;
  blocking: number;
  targets: TargetSummary[];
  changedPaths: number;
  configPath?: string;
  durationMs: number;
}

/** The outcome of one gate run. */
export interface Verdict {
  conclusion: Conclusion;
  findings: Finding[];
  summary: VerdictSummary;
  /** Rendered diff of the affected targets, when there is a base. */
  diff?: RenderDiff;
}
