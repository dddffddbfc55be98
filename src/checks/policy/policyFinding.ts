import type { Finding, Location, Severity } from "../../findings/finding.js";

/**
 * A `policy` finding about the policies themselves (load, compile and
 * evaluation problems, changed policy files), not about a resource.
 */
export function policyFinding(
  ruleId: string,
  severity: Severity,
  message: string,
  location: Location,
): Finding {
  return { check: "policy", ruleId, severity, message, location };
}
