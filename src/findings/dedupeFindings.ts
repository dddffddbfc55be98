import type { Finding } from "./finding.js";
import { compareSeverity } from "./severity.js";

/**
 * Merges repeated findings: a base shared by several overlays, or a file
 * that is both a plain directory and part of a kustomization, yields the
 * same problem on the same source line once per target; the user fixes it
 * once, so it is reported once, even where overlays name the resource
 * differently (a `namePrefix`). When the targets judge it differently (a
 * prod target makes it an error, a dev one a warning or an override a
 * notice), the worst copy is kept, with its environment, at the place of
 * the first. Checks leave this to the gate: merging before overrides
 * apply could keep the copy an override later lowers.
 */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const kept: Finding[] = [];
  const at = new Map<string, number>();
  for (const f of findings) {
    const key = JSON.stringify([
      f.check,
      f.ruleId,
      f.location.path,
      f.location.line ?? 0,
      f.message,
    ]);
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, kept.length);
      kept.push(f);
    } else if (compareSeverity(f.severity, kept[i]!.severity) < 0) {
      kept[i] = f;
    }
  }
  return kept;
}
