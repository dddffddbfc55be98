import type { Finding } from "../../findings/finding.js";
import { maskPreview } from "../../secrets/maskPreview.js";
import { maskSecrets } from "../../secrets/maskSecrets.js";
import { scrubSecretShapes } from "../../secrets/scrubSecretShapes.js";
import type { Candidate } from "./types.js";

const ADVICE =
  "Remove it, rotate it, and keep it encrypted (sops, SealedSecret) or " +
  "in a secret manager (ExternalSecret).";

/**
 * The finding for a candidate: rule, file:line, fingerprint and a masked
 * preview. The message is scrubbed of the value and its encodings (and of
 * any well-known credential shape) before it leaves.
 */
export function toFinding(
  c: Candidate,
  fingerprint: string,
  environment: string | undefined,
): Finding {
  const where = c.where ? ` in ${c.where}` : "";
  // A valueless candidate (a file not scanned) has no secret to identify.
  const preview = c.valueless ? "" : `: ${maskPreview(c.value)}`;
  const print = c.valueless ? "" : ` [fingerprint ${fingerprint}]`;
  const text = `${c.title}${where}${preview}${print}. ` + (c.note ?? ADVICE);
  const finding: Finding = {
    check: "secrets",
    ruleId: c.ruleId,
    severity: c.severity,
    message: scrubSecretShapes(
      maskSecrets(text, [c.value, ...(c.alsoMask ?? [])]),
    ),
    // A secret in a file name is masked in the path too.
    location: { path: maskSecrets(c.path, [c.value]) },
  };
  if (!c.valueless) finding.fingerprint = fingerprint;
  // A line of an older commit would point at the wrong line of the head.
  if (!c.offHead) finding.location.line = c.line;
  if (c.endLine !== undefined && !c.offHead) {
    finding.location.endLine = c.endLine;
  }
  if (c.resource) finding.resource = c.resource;
  if (environment !== undefined) finding.environment = environment;
  return finding;
}
