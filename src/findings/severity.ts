import type { Severity } from "./finding.js";

const RANK: Record<Severity, number> = { notice: 0, warning: 1, error: 2 };

/**
 * Compares severities for sorting, worst first.
 * @example ["notice","error"].sort(compareSeverity) // ["error","notice"]
 */
export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[b] - RANK[a];
}

/** True when `s` is at least as bad as `threshold`. */
export function atLeast(s: Severity, threshold: Severity): boolean {
  return RANK[s] >= RANK[threshold];
}

/** The worst severity of a list, or undefined for an empty list. */
export function worstSeverity(list: Iterable<Severity>): Severity | undefined {
  let worst: Severity | undefined;
  for (const s of list) {
    if (worst === undefined || RANK[s] > RANK[worst]) worst = s;
  }
  return worst;
}
