import type { Finding } from "./finding.js";
import { compareSeverity } from "./severity.js";

/** Sorts findings by path, line, severity (worst first), check, rule. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.location.path.localeCompare(b.location.path) ||
      (a.location.line ?? 0) - (b.location.line ?? 0) ||
      compareSeverity(a.severity, b.severity) ||
      a.check.localeCompare(b.check) ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.message.localeCompare(b.message),
  );
}
