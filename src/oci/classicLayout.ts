import { createHash } from "node:crypto";
import { envelopeFromJSON, type Envelope } from "@sigstore/bundle";
import {
  envelopeBundle,
  messageBundle,
  type ClassicMaterial,
} from "./classicBundle.js";
import {
  InvalidEvidenceError,
  isEvidenceProblem,
  type Evidence,
  type EvidenceSet,
} from "./evidence.js";
import { ANNOTATION, MEDIA } from "./mediaTypes.js";
import { checkSimpleSigning, checkStatement } from "./payloadChecks.js";
import {
  NotFoundError,
  type Descriptor,
  type RegistryClient,
  type Repo,
} from "./RegistryClient.js";

/** More layers than any real signature manifest carries. */
const MAX_LAYERS = 100;

/**
 * Reads cosign's classic layout: the `sha256-<hex>.sig` (signatures) or
 * `.att` (attestations) manifest in the image's repository, one signature
 * per layer. `hashOf` names the digest the trusted keys sign with.
 */
export async function readClassic(
  client: RegistryClient,
  repo: Repo,
  digest: string,
  suffix: "sig" | "att",
  signal?: AbortSignal,
): Promise<EvidenceSet> {
  const tag = `${digest.replace(":", "-")}.${suffix}`;
  let layers: Descriptor[];
  try {
    const manifest = await client.getManifest(repo, tag, signal);
    layers = manifest.json.layers ?? [];
  } catch (error) {
    if (error instanceof NotFoundError) return { items: [], problems: [] };
    throw error;
  }
  const out: EvidenceSet = { items: [], problems: [] };
  for (const [i, layer] of layers.slice(0, MAX_LAYERS).entries()) {
    const where = `${tag} layer ${i}`;
    try {
      const blob = await client.getBlob(repo, layer.digest, signal);
      out.items.push(...toEvidence(suffix, layer, blob, digest, where));
    } catch (error) {
      if (!isEvidenceProblem(error)) throw error;
      out.problems.push(`${where}: ${error.message}`);
    }
  }
  return out;
}

function toEvidence(
  suffix: "sig" | "att",
  layer: Descriptor,
  blob: Buffer,
  digest: string,
  where: string,
): Evidence[] {
  const material = materialOf(layer);
  if (suffix === "sig")
    return [signature(layer, blob, digest, material, where)];
  if (layer.mediaType !== MEDIA.dsseEnvelope) {
    throw new InvalidEvidenceError(`media type ${layer.mediaType} is not DSSE`);
  }
  const envelope = parseEnvelope(blob);
  const predicateType = checkStatement(
    envelope.payloadType,
    envelope.payload,
    digest,
  );
  return envelope.signatures.map((sig) => ({
    layout: "classic" as const,
    predicateType,
    bundle: envelopeBundle({ ...envelope, signatures: [sig] }, material),
    where,
  }));
}

function signature(
  layer: Descriptor,
  payload: Buffer,
  digest: string,
  material: ClassicMaterial,
  where: string,
): Evidence {
  if (layer.mediaType !== MEDIA.simpleSigning) {
    throw new InvalidEvidenceError(
      `media type ${layer.mediaType} is not ${MEDIA.simpleSigning}`,
    );
  }
  const b64 = layer.annotations?.[ANNOTATION.signature] ?? "";
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) {
    throw new InvalidEvidenceError(
      `no valid ${ANNOTATION.signature} annotation`,
    );
  }
  checkSimpleSigning(payload, digest);
  const sig = Buffer.from(b64, "base64");
  // The hash is fixed at verification time from the trusted key; the
  // bundle records sha256, which every curve but P-384/521 uses.
  const sha = createHash("sha256").update(payload).digest();
  return {
    layout: "classic",
    bundle: messageBundle(sha, "sha256", sig, material),
    artifact: payload,
    where,
  };
}

function materialOf(layer: Descriptor): ClassicMaterial {
  const a = layer.annotations ?? {};
  const out: ClassicMaterial = {};
  if (a[ANNOTATION.certificate]) out.certificate = a[ANNOTATION.certificate];
  if (a[ANNOTATION.chain]) out.chain = a[ANNOTATION.chain];
  if (a[ANNOTATION.bundle]) out.rekorBundle = a[ANNOTATION.bundle];
  return out;
}

function parseEnvelope(blob: Buffer): Envelope {
  try {
    const envelope = envelopeFromJSON(JSON.parse(blob.toString("utf8")));
    if (envelope.signatures.length === 0) throw new Error("no signatures");
    return envelope;
  } catch (cause) {
    throw new InvalidEvidenceError("blob is not a signed DSSE envelope", {
      cause,
    });
  }
}
