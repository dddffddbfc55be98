import picomatch from "picomatch";
import type { Config } from "../../config/schema.js";

type AllowEntry = Config["checks"]["secrets"]["allow"][number];

/** What an allowlist decision needs to know about a finding. */
export interface AllowSubject {
  path: string;
  ruleId: string;
  fingerprint: string;
}

/**
 * Builds the matcher for `checks.secrets.allow`: a path glob, a rule id
 * (exact, or the engine rule before `:` such as `aws`) or a fingerprint.
 * Returns the reason of the first matching entry.
 */
export function allowlistMatcher(
  entries: readonly AllowEntry[],
): (s: AllowSubject) => string | undefined {
  const tests = entries.map((e) => ({ reason: e.reason, test: testOf(e) }));
  return (s) => tests.find((t) => t.test(s))?.reason;
}

function testOf(entry: AllowEntry): (s: AllowSubject) => boolean {
  if ("path" in entry) {
    const match = picomatch(entry.path, { dot: true });
    return (s) => match(s.path);
  }
  if ("rule" in entry) {
    const rule = entry.rule;
    return (s) => s.ruleId === rule || s.ruleId.split(":")[0] === rule;
  }
  const fp = entry.fingerprint.trim().toLowerCase();
  return (s) => s.fingerprint === fp;
}

const MARKER = "gitops-gate:allow-secret";

/**
 * The reason of an inline `# gitops-gate:allow-secret <reason>` on the
 * line, or on the line above when that line is only the comment. An empty
 * reason is `""` (the marker is then ignored by the caller).
 */
export function inlineAllowReason(
  lines: readonly string[],
  line: number,
): string | undefined {
  const same = reasonIn(lines[line - 1]);
  if (same !== undefined) return same;
  const above = lines[line - 2];
  return above?.trim().startsWith("#") ? reasonIn(above) : undefined;
}

function reasonIn(text: string | undefined): string | undefined {
  const at = text?.indexOf(MARKER) ?? -1;
  if (text === undefined || at === -1) return undefined;
  return text.slice(at + MARKER.length).trim();
}
