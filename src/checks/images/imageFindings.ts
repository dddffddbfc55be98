import type { Finding, Severity } from "../../findings/finding.js";
import { resourceRef } from "../../manifests/Resource.js";
import type { EvidenceStatus, ImageVerdict } from "../../oci/index.js";
import type { ImageUse } from "./collectImages.js";

/** Stable rule ids of the images check. */
export const IMAGE_RULES = {
  badReference: "images/bad-reference",
  notPinned: "images/tag-not-pinned",
  unsigned: "images/unsigned",
  invalid: "images/invalid-signature",
  untrusted: "images/untrusted-signer",
  attestationMissing: "images/attestation-missing",
  attestationInvalid: "images/attestation-invalid",
  unreachable: "images/unreachable",
  notFound: "images/not-found",
  policyError: "images/policy-error",
} as const;

/** Builds a finding on the `image:` line of a use. */
export function imageFinding(
  use: ImageUse,
  ruleId: string,
  severity: Severity,
  message: string,
  environment: string | undefined,
): Finding {
  const finding: Finding = {
    check: "images",
    ruleId,
    severity,
    message,
    location: use.location,
    resource: resourceRef(use.resource),
    target: use.target.target.id,
  };
  if (environment !== undefined) finding.environment = environment;
  return finding;
}

/** A rule id and message for each failed part of a verdict. */
export function verdictProblems(
  image: string,
  policy: string,
  verdict: ImageVerdict,
): { ruleId: string; message: string }[] {
  const out: { ruleId: string; message: string }[] = [];
  const sig = signatureProblem(verdict.signature);
  if (sig !== undefined) {
    out.push({
      ruleId: sig.ruleId,
      message: `image ${image} (${verdict.digest}) ${sig.text} for policy ${policy}`,
    });
  }
  for (const att of verdict.attestations) {
    if (att.status === "verified") continue;
    const missing = att.status === "missing";
    out.push({
      ruleId: missing
        ? IMAGE_RULES.attestationMissing
        : IMAGE_RULES.attestationInvalid,
      message:
        `image ${image} (${verdict.digest}) has no ${missing ? "" : "trusted "}` +
        `${att.predicateType} attestation required by policy ${policy}` +
        (missing ? "" : `: ${att.detail}`),
    });
  }
  return out;
}

function signatureProblem(s: EvidenceStatus) {
  switch (s.status) {
    case "verified":
      return undefined;
    case "missing":
      return {
        ruleId: IMAGE_RULES.unsigned,
        text: "has no cosign signature (sign it with `cosign sign`)",
      };
    case "invalid":
      return {
        ruleId: IMAGE_RULES.invalid,
        text: `has an invalid signature (${s.detail})`,
      };
    case "untrusted":
      return {
        ruleId: IMAGE_RULES.untrusted,
        text: `is not signed by a trusted signer (${s.detail})`,
      };
  }
}
