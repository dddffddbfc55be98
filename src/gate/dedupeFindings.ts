import type { Finding } from "../findings/finding.js";

/**
 * Drops repeated findings: a base shared by several overlays yields the
 * same problem on the same source line once per target; the user fixes it
 * once, so it is reported once (the first target is kept).
 */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = [
      f.check,
      f.ruleId,
      f.severity,
      f.location.path,
      f.location.line ?? 0,
      f.message,
    ].join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
