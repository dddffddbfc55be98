import type { Finding } from "../../findings/finding.js";
import type { SecretRegistry } from "../../secrets/SecretRegistry.js";
import { fingerprintSecret } from "../../secrets/fingerprint.js";
import { maskSecrets } from "../../secrets/maskSecrets.js";
import { scrubSecretShapes } from "../../secrets/scrubSecretShapes.js";
import { inlineAllowReason, type AllowSubject } from "./allowlist.js";
import { isFallbackRule } from "./secretlintEngine.js";
import { toFinding } from "./toFinding.js";
import type { Candidate } from "./types.js";

/**
 * Shorter values are not registered for masking: they would garble every
 * output (a plaintext `user: app` under a sops rule is reported, not masked).
 */
const MIN_REGISTERED = 6;

/** A candidate with the source lines its inline allow is read from. */
export interface Located {
  candidate: Candidate;
  lines: readonly string[];
  /** Line of `candidate` within `lines` (differs for history). */
  lineInLines: number;
}

/** What turning candidates into findings needs. */
export interface FinalizeContext {
  key: string;
  registry?: SecretRegistry;
  allowedBy(s: AllowSubject): string | undefined;
  environmentOf(path: string): string | undefined;
}

/**
 * Fingerprints candidates, remembers their values in the registry, drops
 * the config allowlist's and duplicates (same line and value, or a
 * heuristic on a line a rule already reported), and applies inline allows:
 * an allowed finding stays visible as a notice.
 */
export function finalize(
  list: readonly Located[],
  ctx: FinalizeContext,
): Finding[] {
  const seen = new Set<string>();
  const ruled = new Set<string>();
  const out: Finding[] = [];
  const ordered = [...list].sort(
    (a, b) =>
      Number(isFallbackRule(a.candidate.ruleId)) -
      Number(isFallbackRule(b.candidate.ruleId)),
  );
  for (const { candidate: c, lines, lineInLines } of ordered) {
    const fingerprint = fingerprintSecret(c.value, ctx.key);
    if (!c.valueless && c.value.length >= MIN_REGISTERED) {
      ctx.registry?.add(c.value, ...(c.alsoMask ?? []));
    }
    const at = `${c.path}\0${c.line}`;
    const id = `${at}\0${fingerprint}`;
    const heuristic = isFallbackRule(c.ruleId);
    if (seen.has(id) || (heuristic && ruled.has(at))) continue;
    seen.add(id);
    ruled.add(at);
    if (ctx.allowedBy({ path: c.path, ruleId: c.ruleId, fingerprint }))
      continue;
    const finding = toFinding(c, fingerprint, ctx.environmentOf(c.path));
    out.push(
      withInlineAllow(finding, c, inlineAllowReason(lines, lineInLines)),
    );
  }
  return out;
}

function withInlineAllow(
  finding: Finding,
  c: Candidate,
  reason: string | undefined,
): Finding {
  if (reason === undefined) return finding;
  if (reason === "") {
    const note = " The inline allow-secret comment has no reason: ignored.";
    return { ...finding, message: finding.message + note };
  }
  const safe = scrubSecretShapes(
    maskSecrets(reason.slice(0, 200), [c.value, ...(c.alsoMask ?? [])]),
  );
  return {
    ...finding,
    severity: "notice",
    message: `Allowed inline (${safe}): ${finding.message}`,
  };
}
