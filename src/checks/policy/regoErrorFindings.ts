import type { Finding, Location } from "../../findings/finding.js";
import { regoErrorDetails } from "./engine.js";
import { policyFinding } from "./policyFinding.js";

/** Where a compiled module's rows are in the files a human edits. */
export type ModuleSourceMap = (modulePath: string) => {
  path: string;
  /** Added to the module's 1-based row (Rego embedded in YAML). */
  lineOffset: number;
};

/** The identity map: modules are files of their own. */
export const fileModules: ModuleSourceMap = (path) => ({ path, lineOffset: 0 });

/**
 * Turns a thrown compile or evaluation error into error findings, one per
 * detail, on the policy file and line that caused it. Errors that are not
 * the engine's become one finding on `fallback`.
 */
export function regoErrorFindings(
  err: unknown,
  what: string,
  fallback: Location,
  map: ModuleSourceMap = fileModules,
): Finding[] {
  const ruleId = "policy/compile-failed";
  const details = regoErrorDetails(err);
  if (!details || details.length === 0) {
    const why = err instanceof Error ? err.message : String(err);
    return [policyFinding(ruleId, "error", `${what}: ${why}`, fallback)];
  }
  return details.map((d) => {
    const where = d.location ? map(d.location.file) : undefined;
    const location: Location = where
      ? { path: where.path, line: d.location!.row + where.lineOffset }
      : fallback;
    if (where && d.location!.col > 0) location.column = d.location!.col;
    return policyFinding(
      ruleId,
      "error",
      `${what}: ${d.code}: ${d.message}`,
      location,
    );
  });
}
