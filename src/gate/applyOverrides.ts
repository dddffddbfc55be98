import picomatch from "picomatch";
import type { Config } from "../config/schema.js";
import type { Finding } from "../findings/finding.js";

type Override = Config["overrides"][number];

/**
 * Applies `overrides` from config to findings: the last matching entry
 * decides. `enabled: false` drops a finding. Findings about the gate's
 * own failures (`*-failed`, `config/*`) are never dropped (fail closed).
 */
export function applyOverrides(
  findings: readonly Finding[],
  overrides: readonly Override[],
): Finding[] {
  if (overrides.length === 0) return [...findings];
  const matchers = overrides.map((o) => ({ o, matches: matcher(o) }));
  const out: Finding[] = [];
  for (const f of findings) {
    const hit = matchers.filter((m) => m.matches(f)).at(-1)?.o;
    if (!hit || protectedFinding(f)) out.push(f);
    else if (hit.enabled !== false) {
      out.push(hit.severity ? { ...f, severity: hit.severity } : f);
    }
  }
  return out;
}

function matcher(o: Override): (f: Finding) => boolean {
  const rule = o.rule ? picomatch(o.rule) : undefined;
  return (f) =>
    (!o.check || o.check === f.check) &&
    (!rule || rule(f.ruleId)) &&
    (!o.environments ||
      (f.environment !== undefined && o.environments.includes(f.environment)));
}

function protectedFinding(f: Finding): boolean {
  return f.check === "config" || f.ruleId.endsWith("-failed");
}
