import { IMAGE_RULES } from "./imageFindings.js";

/** What a rule of the images check means and how to fix what it finds. */
export interface ImageRuleDoc {
  id: string;
  title: string;
  /** The severity, in words: most follow the policy's mode. */
  severity: string;
  description: string;
  remediation: string;
}

const BY_MODE = "error (warning in a policy or environment with `mode: warn`)";

const doc = (
  id: string,
  severity: string,
  title: string,
  description: string,
  remediation: string,
): ImageRuleDoc => ({ id, title, severity, description, remediation });

/**
 * Every rule id the images check reports, for `/gitops explain`. Keyed by
 * rule id.
 */
export const IMAGE_RULE_DOCS: ReadonlyMap<string, ImageRuleDoc> = new Map(
  [
    doc(
      IMAGE_RULES.badReference,
      "error",
      "Invalid image reference",
      "The `image:` value is not a reference a container runtime accepts: an upper-case repository, an empty or over-long tag, or a digest that is not `sha256:` and 64 hex digits.",
      "Write the reference as `registry/repository:tag@sha256:<digest>` in lower case.",
    ),
    doc(
      IMAGE_RULES.notPinned,
      "set by `checks.images.requireDigest` (default warning)",
      "Image not pinned by digest",
      "The image is named by a tag only. A tag can be moved to other content after review; the gate verified the digest the tag names now.",
      "Append the digest (`crane digest`, `docker buildx imagetools inspect`): `image: repo:tag@sha256:…`.",
    ),
    doc(
      IMAGE_RULES.unsigned,
      BY_MODE,
      "Image not signed",
      "No cosign signature was found for the image's digest, neither as a `sha256-<hex>.sig` tag nor as a Sigstore bundle referrer. For a multi-arch image the index digest must be signed, not only its platforms.",
      "Sign the digest in the pipeline that builds it (`cosign sign --key …` or keyless), with a key or identity a matching policy trusts.",
    ),
    doc(
      IMAGE_RULES.invalid,
      BY_MODE,
      "Invalid signature",
      "A signature exists but cannot be used: its payload names another digest, the layer or bundle is malformed, the media type is wrong, or the signature annotation is missing.",
      "Sign the image again with cosign; remove signatures written by hand or by other tools.",
    ),
    doc(
      IMAGE_RULES.untrusted,
      BY_MODE,
      "Signed by an untrusted signer",
      "The image is signed, but no authority of the policy accepts the signature: another key, another keyless issuer or subject, or no transparency-log entry while the policy requires one (`ignoreTlog: false`).",
      "Sign with a trusted key or identity, or, if the signer is legitimate, add it to the policy's authorities on the base branch.",
    ),
    doc(
      IMAGE_RULES.attestationMissing,
      BY_MODE,
      "Required attestation missing",
      "The policy requires an attestation of a predicate type (an SPDX or CycloneDX SBOM, SLSA provenance) and the image's digest has none.",
      "Attest the digest in the build pipeline, e.g. `cosign attest --type spdxjson --predicate sbom.json`.",
    ),
    doc(
      IMAGE_RULES.attestationInvalid,
      BY_MODE,
      "Attestation not trusted",
      "An attestation of the required type exists but did not verify under any authority of the policy, or is about another digest.",
      "Attest again with a trusted key or identity.",
    ),
    doc(
      IMAGE_RULES.unreachable,
      "error (warning with `checks.images.unreachable: warn`)",
      "Registry unreachable",
      "The registry could not be asked (network error, timeout, 5xx, refused credentials), so nothing was verified and the gate fails closed.",
      "Check the app's registry credentials (`GITOPS_GATE_REGISTRY_*`) and network access, then re-run.",
    ),
    doc(
      IMAGE_RULES.notFound,
      BY_MODE,
      "Image not found",
      "The registry has no such repository, tag or digest.",
      "Push the image before the PR that deploys it, or fix the tag or digest.",
    ),
    doc(
      IMAGE_RULES.policyError,
      BY_MODE,
      "Unusable image policy",
      "A policy matching the image cannot be used: its key file is missing from the base branch or is not a supported PEM public key (ECDSA P-256/P-384, RSA, Ed25519).",
      "Fix the policy in the base branch's config.",
    ),
    doc(
      "images/key-changed-in-pr",
      "warning",
      "Signing key changed by the PR",
      "The PR edits a key file a policy names. Images are verified with the base branch's key; the new key applies after merge.",
      "Review the key change on its own, ideally in a separate PR.",
    ),
  ].map((d) => [d.id, d]),
);
