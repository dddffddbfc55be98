import type { Bundle } from "@sigstore/bundle";
import { DigestMismatchError } from "./RegistryClient.js";

/** One signature or attestation found for an image, as a Sigstore bundle. */
export interface Evidence {
  layout: "classic" | "bundle";
  /** Undefined for an image signature; the predicate type for attestations. */
  predicateType?: string;
  bundle: Bundle;
  /** The signed bytes of a message signature (classic payloads). */
  artifact?: Buffer;
  /** Where it was found, for messages: `sha256-….sig layer 0`. */
  where: string;
}

/** What the registry holds for a digest: usable evidence and rejects. */
export interface EvidenceSet {
  items: Evidence[];
  /** Structurally invalid signatures: why each was rejected. */
  problems: string[];
}

/** Raised for a signature or attestation whose structure is invalid. */
export class InvalidEvidenceError extends Error {
  override readonly name = "InvalidEvidenceError";
}

/** Merges evidence sets. */
export function mergeEvidence(...sets: EvidenceSet[]): EvidenceSet {
  return {
    items: sets.flatMap((s) => s.items),
    problems: sets.flatMap((s) => s.problems),
  };
}

/** True for errors that make one signature unusable, not the registry. */
export function isEvidenceProblem(error: unknown): error is Error {
  return (
    error instanceof InvalidEvidenceError ||
    error instanceof DigestMismatchError
  );
}
