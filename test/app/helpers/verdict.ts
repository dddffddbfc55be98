import type { Finding } from "../../../src/findings/finding.js";
import type { Verdict } from "../../../src/gate/Verdict.js";

/**
 * A verdict over given findings, judged like the gate does with
 * `failOn: error`: for tests of the app's plumbing, where the real gate's
 * few seconds of rendering add nothing.
 */
export function verdictOf(findings: Finding[]): Verdict {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity] += 1;
  const blocking = counts.error;
  const conclusion = blocking > 0 ? "failure" : "success";
  return {
    conclusion,
    findings,
    summary: {
      conclusion,
      reason:
        blocking > 0 ? `${blocking} blocking findings` : "no blocking findings",
      counts,
      byCheck: {},
      blocking,
      targets: [],
      changedPaths: 0,
      durationMs: 1,
    },
  };
}

/** An error finding on a line. */
export function finding(
  path: string,
  line: number,
  ruleId = "GG-TEST-001",
): Finding {
  return {
    check: "policy",
    ruleId,
    severity: "error",
    message: `rule ${ruleId} failed`,
    location: { path, line },
  };
}
