import { sign, type KeyObject } from "node:crypto";
import { bundleToJSON, toDSSEBundle } from "@sigstore/bundle";
import { dsse } from "@sigstore/core";
import type { Pushed, Pusher } from "./pushImage.js";

const SIMPLE = "application/vnd.dev.cosign.simplesigning.v1+json";
const DSSE = "application/vnd.dsse.envelope.v1+json";
const BUNDLE = "application/vnd.dev.sigstore.bundle.v0.3+json";
const INTOTO = "application/vnd.in-toto+json";
const EMPTY = "application/vnd.oci.empty.v1+json";
const OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
const OCI_INDEX = "application/vnd.oci.image.index.v1+json";

/** Ways to break a classic signature on purpose. */
export interface ClassicOptions {
  /** Digest written into the payload (replay of another image's). */
  payloadDigest?: string;
  /** Push a payload that differs from the one signed. */
  tamper?: boolean;
  /** Layer media type (default simple-signing). */
  mediaType?: string;
  /** Leave out the signature annotation. */
  noAnnotation?: boolean;
  /** Extra layer annotations (certificate, Rekor bundle) for the payload. */
  extra?: (payload: Buffer, signature: Buffer) => Record<string, string>;
}

/** The digest hash cosign pairs with a key (null for Ed25519). */
function hashFor(key: KeyObject): string | null {
  if (key.asymmetricKeyType === "ed25519") return null;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  return curve === "secp384r1" ? "sha384" : "sha256";
}

async function emptyConfig(pusher: Pusher): Promise<Pushed> {
  return pusher.blob(Buffer.from("{}"), EMPTY);
}

/** Pushes a cosign-compatible `sha256-<hex>.sig` for `digest`. */
export async function signClassic(
  pusher: Pusher,
  repository: string,
  digest: string,
  key: KeyObject,
  opts: ClassicOptions = {},
): Promise<void> {
  const payload = Buffer.from(
    JSON.stringify({
      critical: {
        identity: { "docker-reference": `${pusher.host}/${repository}` },
        image: { "docker-manifest-digest": opts.payloadDigest ?? digest },
        type: "cosign container image signature",
      },
      optional: null,
    }),
  );
  const raw = sign(hashFor(key), payload, key);
  const signature = raw.toString("base64");
  const pushed = opts.tamper
    ? Buffer.from(
        payload.toString().replace('"optional":null', '"optional":{"x":"y"}'),
      )
    : payload;
  const layer = await pusher.blob(pushed, opts.mediaType ?? SIMPLE);
  const annotations = opts.noAnnotation
    ? {}
    : { "dev.cosignproject.cosign/signature": signature };
  Object.assign(annotations, opts.extra?.(payload, raw));
  await pusher.manifest(
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: await emptyConfig(pusher),
      layers: [{ ...layer, annotations }],
    },
    `${digest.replace(":", "-")}.sig`,
  );
}

/** An in-toto statement about `digest`. */
export function statement(digest: string, predicateType: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      _type: "https://in-toto.io/Statement/v1",
      subject: [{ name: "image", digest: { sha256: digest.slice(7) } }],
      predicateType,
      predicate: {},
    }),
  );
}

/** Pushes a classic `.att` DSSE attestation for `digest`. */
export async function attestClassic(
  pusher: Pusher,
  digest: string,
  key: KeyObject,
  predicateType: string,
): Promise<void> {
  const payload = statement(digest, predicateType);
  const pae = dsse.preAuthEncoding(INTOTO, payload);
  const sig = sign(hashFor(key), pae, key).toString("base64");
  const envelope = {
    payloadType: INTOTO,
    payload: payload.toString("base64"),
    signatures: [{ keyid: "", sig }],
  };
  const layer = await pusher.blob(Buffer.from(JSON.stringify(envelope)), DSSE);
  await pusher.manifest(
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: await emptyConfig(pusher),
      layers: [{ ...layer, annotations: { predicateType } }],
    },
    `${digest.replace(":", "-")}.att`,
  );
}

const referrers = new Map<string, object[]>();

/**
 * Pushes a Sigstore bundle (DSSE statement signed with `key`) as an OCI
 * referrer of `subject`, and the `sha256-<hex>` fallback index listing it.
 */
export async function attachBundle(
  pusher: Pusher,
  subject: Pushed,
  key: KeyObject,
  predicateType: string,
  statementDigest = subject.digest,
): Promise<void> {
  const payload = statement(statementDigest, predicateType);
  const pae = dsse.preAuthEncoding(INTOTO, payload);
  const bundle = toDSSEBundle({
    artifact: payload,
    artifactType: INTOTO,
    signature: sign(hashFor(key), pae, key),
    keyHint: "",
  });
  await attachBundleJson(pusher, subject, bundleToJSON(bundle), predicateType);
}

/** Pushes any bundle JSON as a referrer of `subject` (plus fallback index). */
export async function attachBundleJson(
  pusher: Pusher,
  subject: Pushed,
  bundleJson: unknown,
  predicateType: string,
): Promise<void> {
  const json = Buffer.from(JSON.stringify(bundleJson));
  const layer = await pusher.blob(json, BUNDLE);
  const annotations = {
    "dev.sigstore.bundle.content": "dsse-envelope",
    "dev.sigstore.bundle.predicateType": predicateType,
  };
  const manifest = await pusher.manifest({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: BUNDLE,
    config: {
      mediaType: EMPTY,
      digest: (await emptyConfig(pusher)).digest,
      size: 2,
    },
    layers: [layer],
    subject: {
      mediaType: subject.mediaType,
      digest: subject.digest,
      size: subject.size,
    },
    annotations,
  });
  const list = referrers.get(subject.digest) ?? [];
  list.push({ ...manifest, artifactType: BUNDLE, annotations });
  referrers.set(subject.digest, list);
  await pusher.manifest(
    { schemaVersion: 2, mediaType: OCI_INDEX, manifests: list },
    subject.digest.replace(":", "-"),
    OCI_INDEX,
  );
}
