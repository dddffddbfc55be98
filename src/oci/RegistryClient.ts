import { createHash } from "node:crypto";
import type { ImageRef } from "./imageRef.js";
import { MANIFEST_ACCEPT, MEDIA } from "./mediaTypes.js";
import {
  RegistryTransport,
  type TransportOptions,
} from "./RegistryTransport.js";

/** A content descriptor as in OCI manifests and indexes. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

/** An OCI / Docker image manifest or index, parsed loosely. */
export interface ManifestJson {
  schemaVersion?: number;
  mediaType?: string;
  artifactType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
  manifests?: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

/** A fetched manifest: its bytes, their digest and the parsed JSON. */
export interface Manifest {
  digest: string;
  mediaType: string;
  bytes: Buffer;
  json: ManifestJson;
}

/** A repository in a registry (what a request is scoped to). */
export type Repo = Pick<ImageRef, "registry" | "repository">;

/** Raised when a registry says a manifest or blob does not exist. */
export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
}

/** Raised when content does not hash to the digest it was fetched by. */
export class DigestMismatchError extends Error {
  override readonly name = "DigestMismatchError";
}

const MAX_MANIFEST = 4 * 1024 * 1024;
/** cosign caps signature payloads at 128 MiB; we need far less. */
const MAX_BLOB = 16 * 1024 * 1024;

/** sha256 digest string of some bytes. */
export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

/**
 * A small OCI distribution client: manifests (all four types), blobs,
 * tag → digest resolution and the referrers API with its fallback tag.
 * Every byte it returns has been checked against the digest it claims.
 */
export class RegistryClient {
  readonly transport: RegistryTransport;

  constructor(options: TransportOptions | RegistryTransport) {
    this.transport =
      options instanceof RegistryTransport
        ? options
        : new RegistryTransport(options);
  }

  /**
   * The digest a reference points at: the pinned digest, or a HEAD of the
   * tag (the index digest for multi-arch images, never a platform's).
   */
  async resolveDigest(ref: ImageRef, signal?: AbortSignal): Promise<string> {
    if (ref.digest !== undefined) return ref.digest;
    const path = `${ref.repository}/manifests/${ref.tag ?? "latest"}`;
    const res = await this.transport.send({
      ...repoOf(ref),
      path,
      method: "HEAD",
      headers: { accept: MANIFEST_ACCEPT },
      signal,
    });
    await res.body?.cancel();
    check(res, ref, path);
    const digest = res.headers.get("docker-content-digest");
    if (digest !== null && /^sha256:[a-f0-9]{64}$/.test(digest)) return digest;
    return (await this.getManifest(ref, ref.tag ?? "latest", signal)).digest;
  }

  /** Fetches a manifest by tag or digest; a digest is verified. */
  async getManifest(
    repo: Repo,
    reference: string,
    signal?: AbortSignal,
  ): Promise<Manifest> {
    const path = `${repo.repository}/manifests/${reference}`;
    const res = await this.transport.send({
      ...repoOf(repo),
      path,
      headers: { accept: MANIFEST_ACCEPT },
      signal,
    });
    check(res, repo, path);
    const bytes = await readLimited(res, MAX_MANIFEST, path);
    const digest = sha256Digest(bytes);
    if (reference.startsWith("sha256:") && digest !== reference) {
      throw new DigestMismatchError(
        `${repo.registry}/${path}: content digest ${digest}`,
      );
    }
    const json = parseJson(bytes, path) as ManifestJson;
    const header = res.headers.get("content-type")?.split(";")[0];
    return { digest, mediaType: json.mediaType ?? header ?? "", bytes, json };
  }

  /** Fetches a blob and checks it against its digest. */
  async getBlob(
    repo: Repo,
    digest: string,
    signal?: AbortSignal,
  ): Promise<Buffer> {
    const path = `${repo.repository}/blobs/${digest}`;
    const res = await this.transport.send({ ...repoOf(repo), path, signal });
    check(res, repo, path);
    const bytes = await readLimited(res, MAX_BLOB, path);
    if (sha256Digest(bytes) !== digest) {
      throw new DigestMismatchError(
        `${repo.registry}/${path}: content does not match digest`,
      );
    }
    return bytes;
  }

  /**
   * Manifests whose `subject` is `digest`: the referrers API, or the
   * `sha256-<hex>` fallback index where a registry lacks that API.
   */
  async listReferrers(
    repo: Repo,
    digest: string,
    signal?: AbortSignal,
  ): Promise<Descriptor[]> {
    const path = `${repo.repository}/referrers/${digest}`;
    const res = await this.transport.send({
      ...repoOf(repo),
      path,
      headers: { accept: MEDIA.ociIndex },
      signal,
    });
    if (res.status === 404 || res.status === 400 || res.status === 405) {
      await res.body?.cancel();
      return this.fallbackReferrers(repo, digest, signal);
    }
    check(res, repo, path);
    const json = parseJson(await readLimited(res, MAX_MANIFEST, path), path);
    return (json as ManifestJson).manifests ?? [];
  }

  private async fallbackReferrers(
    repo: Repo,
    digest: string,
    signal?: AbortSignal,
  ): Promise<Descriptor[]> {
    try {
      const tag = digest.replace(":", "-");
      const index = await this.getManifest(repo, tag, signal);
      return index.json.manifests ?? [];
    } catch (error) {
      if (error instanceof NotFoundError) return [];
      throw error;
    }
  }
}

function repoOf(repo: Repo): Repo {
  return { registry: repo.registry, repository: repo.repository };
}

function check(res: Response, repo: Repo, path: string): void {
  const where = `${repo.registry}/v2/${path}`;
  if (res.status === 404) throw new NotFoundError(`${where}: not found`);
  if (!res.ok) throw new Error(`${where}: registry answered ${res.status}`);
}

async function readLimited(
  res: Response,
  max: number,
  what: string,
): Promise<Buffer> {
  const length = Number(res.headers.get("content-length") ?? "0");
  if (length > max) throw new Error(`${what}: ${length} bytes exceeds ${max}`);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body ?? []) {
    total += chunk.length;
    if (total > max) throw new Error(`${what}: body exceeds ${max} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (cause) {
    throw new Error(`${what}: not valid JSON`, { cause });
  }
}
