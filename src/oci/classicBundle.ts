import type { Bundle, Envelope, TransparencyLogEntry } from "@sigstore/bundle";
import { BUNDLE_V03_MEDIA_TYPE } from "@sigstore/bundle";
import { HashAlgorithm } from "@sigstore/protobuf-specs";
import { InvalidEvidenceError } from "./evidence.js";

/** Key material and log evidence cosign stores in layer annotations. */
export interface ClassicMaterial {
  /** PEM leaf certificate (keyless). */
  certificate?: string;
  /** PEM intermediates and root. */
  chain?: string;
  /** JSON of cosign's Rekor bundle annotation. */
  rekorBundle?: string;
}

const HASHES: Record<string, HashAlgorithm> = {
  sha256: HashAlgorithm.SHA2_256,
  sha384: HashAlgorithm.SHA2_384,
  sha512: HashAlgorithm.SHA2_512,
};

/** A message-signature bundle over a classic simple-signing payload. */
export function messageBundle(
  digest: Buffer,
  hash: string,
  signature: Buffer,
  material: ClassicMaterial,
): Bundle {
  return {
    mediaType: BUNDLE_V03_MEDIA_TYPE,
    verificationMaterial: verificationMaterial(material),
    content: {
      $case: "messageSignature",
      messageSignature: {
        messageDigest: {
          algorithm: HASHES[hash] ?? HashAlgorithm.SHA2_256,
          digest,
        },
        signature,
      },
    },
  };
}

/** A DSSE bundle around a classic `.att` envelope (one signature). */
export function envelopeBundle(
  envelope: Envelope,
  material: ClassicMaterial,
): Bundle {
  return {
    mediaType: BUNDLE_V03_MEDIA_TYPE,
    verificationMaterial: verificationMaterial(material),
    content: { $case: "dsseEnvelope", dsseEnvelope: envelope },
  };
}

function verificationMaterial(
  m: ClassicMaterial,
): Bundle["verificationMaterial"] {
  const tlogEntries = m.rekorBundle ? [tlogEntry(m.rekorBundle)] : [];
  const timestampVerificationData = { rfc3161Timestamps: [] };
  if (m.certificate === undefined) {
    return {
      content: { $case: "publicKey", publicKey: { hint: "" } },
      tlogEntries,
      timestampVerificationData,
    };
  }
  const certificates = [
    ...pemBlocks(m.certificate),
    ...pemBlocks(m.chain ?? ""),
  ].map((rawBytes) => ({ rawBytes }));
  return {
    content: {
      $case: "x509CertificateChain",
      x509CertificateChain: { certificates },
    },
    tlogEntries,
    timestampVerificationData,
  };
}

/** DER bytes of every `CERTIFICATE` block in a PEM text. */
export function pemBlocks(pem: string): Buffer[] {
  const re = /-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/g;
  return [...pem.matchAll(re)].map((m) =>
    Buffer.from((m[1] ?? "").replace(/\s+/g, ""), "base64"),
  );
}

interface RekorBundle {
  SignedEntryTimestamp?: string;
  Payload?: {
    body?: string;
    integratedTime?: number;
    logIndex?: number;
    logID?: string;
  };
}

/** cosign's Rekor bundle annotation as a Sigstore transparency-log entry. */
export function tlogEntry(json: string): TransparencyLogEntry {
  let parsed: RekorBundle;
  try {
    parsed = JSON.parse(json) as RekorBundle;
  } catch (cause) {
    throw new InvalidEvidenceError("Rekor bundle annotation is not JSON", {
      cause,
    });
  }
  const p = parsed.Payload;
  if (!p?.body || !parsed.SignedEntryTimestamp || !p.logID) {
    throw new InvalidEvidenceError("Rekor bundle annotation is incomplete");
  }
  const body = Buffer.from(p.body, "base64");
  const kind = JSON.parse(body.toString("utf8")) as {
    kind?: string;
    apiVersion?: string;
  };
  return {
    logIndex: String(p.logIndex ?? 0),
    logId: { keyId: Buffer.from(p.logID, "hex") },
    kindVersion: { kind: kind.kind ?? "", version: kind.apiVersion ?? "" },
    integratedTime: String(p.integratedTime ?? 0),
    inclusionPromise: {
      signedEntryTimestamp: Buffer.from(parsed.SignedEntryTimestamp, "base64"),
    },
    inclusionProof: undefined,
    canonicalizedBody: body,
  };
}
