import type { Config } from "../config/schema.js";
import type { Finding, Severity } from "../findings/finding.js";
import { atLeast } from "../findings/severity.js";
import { sortFindings } from "../findings/sortFindings.js";
import type { Conclusion, VerdictSummary } from "./Verdict.js";

/** The judged findings and the conclusion they lead to. */
export interface Judgement {
  conclusion: Conclusion;
  reason: string;
  findings: Finding[];
  blocking: number;
  counts: VerdictSummary["counts"];
  byCheck: VerdictSummary["byCheck"];
}

/**
 * Decides the conclusion from findings: the one place where severities map
 * to pass or fail. `gate.failOn` sets the threshold; with
 * `gate.newFindingsOnly`, findings already present in base do not block
 * (they are kept, downgraded to notices).
 *
 * @param touched - how many render targets the change touched
 */
export function judge(
  findings: readonly Finding[],
  gate: Config["gate"],
  touched: number,
  baseKeys?: ReadonlySet<string>,
): Judgement {
  const judged = sortFindings(
    findings.map((f) => downgradeExisting(f, gate, baseKeys)),
  );
  const blocking = judged.filter((f) => blocks(f.severity, gate.failOn));
  const counts = { error: 0, warning: 0, notice: 0 };
  const byCheck: VerdictSummary["byCheck"] = {};
  for (const f of judged) {
    counts[f.severity] += 1;
    const c = (byCheck[f.check] ??= { error: 0, warning: 0, notice: 0 });
    c[f.severity] += 1;
  }
  const { conclusion, reason } = conclude(blocking.length, judged, touched);
  return {
    conclusion,
    reason,
    findings: judged,
    blocking: blocking.length,
    counts,
    byCheck,
  };
}

/** Identity of a finding across base and head, for newFindingsOnly. */
export function findingKey(f: Finding): string {
  const r = f.resource;
  const who = r ? `${r.kind}/${r.namespace ?? ""}/${r.name}` : f.location.path;
  return [f.check, f.ruleId, who, f.fingerprint ?? f.message].join("|");
}

function blocks(s: Severity, failOn: Config["gate"]["failOn"]): boolean {
  return failOn !== "never" && atLeast(s, failOn);
}

function downgradeExisting(
  f: Finding,
  gate: Config["gate"],
  baseKeys?: ReadonlySet<string>,
): Finding {
  if (!gate.newFindingsOnly || !baseKeys?.has(findingKey(f))) return f;
  if (f.severity === "notice") return f;
  return {
    ...f,
    severity: "notice",
    message: `${f.message} (already on the base branch: not blocking)`,
  };
}

function conclude(
  blocking: number,
  findings: readonly Finding[],
  touched: number,
): { conclusion: Conclusion; reason: string } {
  if (blocking > 0) {
    const s = blocking === 1 ? "" : "s";
    return {
      conclusion: "failure",
      reason: `${blocking} blocking finding${s}`,
    };
  }
  if (touched === 0 && findings.length === 0) {
    return {
      conclusion: "neutral",
      reason: "the change touches no render target; nothing to check",
    };
  }
  return { conclusion: "success", reason: "no blocking findings" };
}
