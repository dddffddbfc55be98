import { verify as cryptoVerify, type KeyObject } from "node:crypto";
import { dsse } from "@sigstore/core";
import type { TrustedRoot } from "@sigstore/protobuf-specs";
import {
  toSignedEntity,
  toTrustMaterial,
  Verifier,
  type Signer,
} from "@sigstore/verify";
import { RE2JS } from "re2js";
import type { Evidence } from "./evidence.js";
import { keyHash } from "./publicKey.js";

/** Who may sign: a public key, or a Fulcio certificate identity. */
export type Authority =
  | { kind: "key"; name: string; key: KeyObject }
  | { kind: "keyless"; name: string; issuer: string; subject: string };

/** Options shared by every check of one policy. */
export interface EvidenceOptions {
  /** Skip the transparency-log requirement (Kyverno's `ignoreTlog`). */
  ignoreTlog: boolean;
  /** Needed for keyless authorities and for log checks. */
  root: TrustedRoot;
}

/** The outcome of checking one piece of evidence against one authority. */
export type EvidenceResult = { ok: true } | { ok: false; reason: string };

/**
 * Checks that `evidence` was signed by `authority`. Keys are checked with
 * node:crypto using the digest cosign pairs with the key type; keyless
 * identities, certificate chains, SCTs and log entries go through
 * `@sigstore/verify` with the trusted root.
 */
export function verifyEvidence(
  evidence: Evidence,
  authority: Authority,
  options: EvidenceOptions,
): EvidenceResult {
  try {
    if (authority.kind === "key")
      return verifyKey(evidence, authority.key, options);
    return verifyKeyless(evidence, authority, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, reason };
  }
}

function verifyKey(
  evidence: Evidence,
  key: KeyObject,
  options: EvidenceOptions,
): EvidenceResult {
  const { data, signature } = signedBytes(evidence);
  if (!cryptoVerify(keyHash(key), data, key, signature)) {
    return { ok: false, reason: "signature does not verify with the key" };
  }
  if (options.ignoreTlog) return { ok: true };
  const tlog = evidence.bundle.verificationMaterial.tlogEntries;
  if (tlog.length === 0) {
    return {
      ok: false,
      reason: "no transparency-log entry (ignoreTlog is off)",
    };
  }
  const trust = toTrustMaterial(options.root, () => ({
    publicKey: key,
    validFor: () => true,
  }));
  const trusted = { ...trust, certificateAuthorities: [], ctlogs: [] };
  new Verifier(trusted, { ctlogThreshold: 0 }).verify(checked(evidence));
  return { ok: true };
}

/**
 * The entity with its signature marked as verified: we checked it above
 * with the digest the key type needs, which sjs gets wrong for Ed25519
 * and P-384 message signatures; sjs still checks the log entry against it.
 */
function checked(evidence: Evidence) {
  const e = entity(evidence);
  const content = e.signature;
  return {
    ...e,
    signature: {
      signature: content.signature,
      compareSignature: (s: Buffer) => content.compareSignature(s),
      compareDigest: (d: Buffer) => content.compareDigest(d),
      verifySignature: () => true,
    },
  };
}

function verifyKeyless(
  evidence: Evidence,
  authority: Extract<Authority, { kind: "keyless" }>,
  options: EvidenceOptions,
): EvidenceResult {
  const material = evidence.bundle.verificationMaterial.content;
  if (material.$case === "publicKey") {
    return { ok: false, reason: "signed with a key, not a certificate" };
  }
  const verifier = new Verifier(toTrustMaterial(options.root), {
    tlogThreshold: options.ignoreTlog ? 0 : 1,
    // A Fulcio certificate lives for minutes: without a log or TSA
    // timestamp there is no time to check it at, so ignoreTlog cannot
    // waive the timestamp (sjs would otherwise skip the chain check).
    timestampThreshold: 1,
  });
  const signer = verifier.verify(entity(evidence));
  return matchIdentity(signer, authority);
}

function matchIdentity(
  signer: Signer,
  authority: { issuer: string; subject: string },
): EvidenceResult {
  const subject = signer.identity?.subjectAlternativeName ?? "";
  const issuer = signer.identity?.extensions?.issuer ?? "";
  if (!identityMatches(authority.issuer, issuer)) {
    return { ok: false, reason: `certificate issuer is ${issuer}` };
  }
  if (!identityMatches(authority.subject, subject)) {
    return { ok: false, reason: `certificate subject is ${subject}` };
  }
  return { ok: true };
}

/**
 * Compares an identity with a policy value: exact, or a whole-string RE2
 * match when the value is written `^…$` (cosign's are unanchored; ours
 * never are).
 */
export function identityMatches(policy: string, actual: string): boolean {
  if (policy.length > 1 && policy.startsWith("^") && policy.endsWith("$")) {
    return RE2JS.compile(policy).matches(actual);
  }
  return policy === actual;
}

function entity(evidence: Evidence) {
  return toSignedEntity(evidence.bundle, evidence.artifact);
}

function signedBytes(evidence: Evidence): { data: Buffer; signature: Buffer } {
  const content = evidence.bundle.content;
  if (content.$case === "messageSignature") {
    if (evidence.artifact === undefined) throw new Error("no signed payload");
    return {
      data: evidence.artifact,
      signature: content.messageSignature.signature,
    };
  }
  const env = content.dsseEnvelope;
  const signature = env.signatures[0]?.sig ?? Buffer.alloc(0);
  return {
    data: dsse.preAuthEncoding(env.payloadType, env.payload),
    signature,
  };
}
