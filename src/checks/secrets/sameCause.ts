import type { Finding } from "../../findings/finding.js";
import { atLeast } from "../../findings/severity.js";
import type { RenderedTarget } from "../../render/RenderTarget.js";

/** Renderer findings that already say a file was not read at all. */
const UNREAD_RULES = new Set(["yaml/unreadable", "yaml/too-large"]);

/**
 * Drops `gg:not-scanned` findings for files a renderer already reports as
 * unread (a symlink out of the checkout, a file over the YAML limit): one
 * cause, one finding. Only a report at least as severe as ours counts, so
 * the file still blocks or shows exactly as before (fail closed).
 *
 * TODO(#6): an override that drops or downgrades the yaml finding (applied
 * after the checks) also hides that the file was not scanned for secrets.
 */
export function withoutRepeatedCauses(
  findings: readonly Finding[],
  targets: readonly RenderedTarget[],
): Finding[] {
  const reported = unreadPaths(targets);
  return findings.filter(
    (f) =>
      f.ruleId !== NOT_SCANNED || !atLeastAs(reported.get(f.location.path), f),
  );
}

/** The rule of a file the secrets check could not scan. */
export const NOT_SCANNED = "gg:not-scanned";

function atLeastAs(other: Finding | undefined, f: Finding): boolean {
  return other !== undefined && atLeast(other.severity, f.severity);
}

function unreadPaths(targets: readonly RenderedTarget[]): Map<string, Finding> {
  const out = new Map<string, Finding>();
  for (const f of targets.flatMap((t) => t.findings)) {
    if (f.check === "yaml" && UNREAD_RULES.has(f.ruleId)) {
      out.set(f.location.path, f);
    }
  }
  return out;
}
