import type { Verdict } from "../gate/Verdict.js";

/** `--format json`: `{ findings, summary, diff? }`, pretty-printed. */
export function jsonReport(verdict: Verdict): string {
  const out: Record<string, unknown> = {
    findings: verdict.findings,
    summary: verdict.summary,
  };
  if (verdict.diff !== undefined) out["diff"] = verdict.diff;
  return `${JSON.stringify(out, null, 2)}\n`;
}
