import { bundleFromJSON, type Bundle } from "@sigstore/bundle";
import {
  InvalidEvidenceError,
  isEvidenceProblem,
  type Evidence,
  type EvidenceSet,
} from "./evidence.js";
import { COSIGN_SIGN_PREDICATE } from "./mediaTypes.js";
import { checkStatement } from "./payloadChecks.js";
import type { Descriptor, RegistryClient, Repo } from "./RegistryClient.js";

const BUNDLE_TYPE = /^application\/vnd\.dev\.sigstore\.bundle(\.v0\.3)?\+json/;
/** Referrers read per image, most recent registries list few. */
const MAX_REFERRERS = 50;

/**
 * Reads Sigstore bundles attached as OCI referrers (cosign v3's layout):
 * each referrer names the image as `subject` and holds one bundle layer.
 * Image signatures are DSSE statements of predicate type
 * `https://sigstore.dev/cosign/sign/v1`; other predicates are attestations.
 */
export async function readBundles(
  client: RegistryClient,
  repo: Repo,
  digest: string,
  signal?: AbortSignal,
): Promise<EvidenceSet> {
  const referrers = await client.listReferrers(repo, digest, signal);
  const out: EvidenceSet = { items: [], problems: [] };
  const bundles = referrers.filter((d) =>
    BUNDLE_TYPE.test(d.artifactType ?? ""),
  );
  for (const desc of bundles.slice(0, MAX_REFERRERS)) {
    const where = `referrer ${desc.digest}`;
    try {
      out.items.push(await readOne(client, repo, digest, desc, where, signal));
    } catch (error) {
      if (!isEvidenceProblem(error)) throw error;
      out.problems.push(`${where}: ${error.message}`);
    }
  }
  return out;
}

async function readOne(
  client: RegistryClient,
  repo: Repo,
  digest: string,
  desc: Descriptor,
  where: string,
  signal?: AbortSignal,
): Promise<Evidence> {
  const manifest = await client.getManifest(repo, desc.digest, signal);
  if (manifest.json.subject?.digest !== digest) {
    throw new InvalidEvidenceError("subject is not the image");
  }
  const [layer, ...more] = manifest.json.layers ?? [];
  if (!layer || more.length > 0 || !BUNDLE_TYPE.test(layer.mediaType ?? "")) {
    throw new InvalidEvidenceError("expected exactly one bundle layer");
  }
  const bundle = parseBundle(await client.getBlob(repo, layer.digest, signal));
  if (bundle.content.$case !== "dsseEnvelope") {
    throw new InvalidEvidenceError("bundle holds no DSSE envelope");
  }
  const env = bundle.content.dsseEnvelope;
  const type = checkStatement(env.payloadType, env.payload, digest);
  const evidence: Evidence = { layout: "bundle", bundle, where };
  if (type !== COSIGN_SIGN_PREDICATE) evidence.predicateType = type;
  return evidence;
}

function parseBundle(blob: Buffer): Bundle {
  try {
    return bundleFromJSON(JSON.parse(blob.toString("utf8")));
  } catch (cause) {
    throw new InvalidEvidenceError("layer is not a valid Sigstore bundle", {
      cause,
    });
  }
}
