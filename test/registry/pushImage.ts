import { createHash, randomBytes } from "node:crypto";

/** A descriptor of pushed content. */
export interface Pushed {
  mediaType: string;
  digest: string;
  size: number;
}

const OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
const OCI_INDEX = "application/vnd.oci.image.index.v1+json";

/** Test helper that writes to a local registry with plain `fetch`. */
export class Pusher {
  constructor(readonly host: string) {}

  /** Uploads a blob (monolithic POST + PUT). */
  async blob(bytes: Buffer, mediaType: string): Promise<Pushed> {
    const digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
    const start = await fetch(
      `http://${this.host}/v2/${this.repoFor}/blobs/uploads/`,
      { method: "POST" },
    );
    const location = start.headers.get("location");
    if (start.status !== 202 || location === null) {
      throw new Error(`blob upload start: ${start.status}`);
    }
    const url = new URL(location, `http://${this.host}`);
    url.searchParams.set("digest", digest);
    const put = await fetch(url, {
      method: "PUT",
      body: bytes,
      headers: { "content-type": "application/octet-stream" },
    });
    if (put.status !== 201) throw new Error(`blob PUT: ${put.status}`);
    return { mediaType, digest, size: bytes.length };
  }

  private repoFor = "";

  /** Selects the repository the next pushes go to. */
  repo(repository: string): this {
    this.repoFor = repository;
    return this;
  }

  /** PUTs a manifest under a tag or its digest; returns its descriptor. */
  async manifest(
    json: object,
    reference?: string,
    mediaType = OCI_MANIFEST,
  ): Promise<Pushed> {
    const bytes = Buffer.from(JSON.stringify(json));
    const digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
    const res = await fetch(
      `http://${this.host}/v2/${this.repoFor}/manifests/${reference ?? digest}`,
      { method: "PUT", body: bytes, headers: { "content-type": mediaType } },
    );
    if (res.status !== 201) {
      throw new Error(`manifest PUT: ${res.status} ${await res.text()}`);
    }
    return { mediaType, digest, size: bytes.length };
  }

  /** A small random single-platform image under `tag`. */
  async image(tag?: string): Promise<Pushed> {
    const config = await this.blob(
      Buffer.from(JSON.stringify({ architecture: "amd64", os: "linux" })),
      "application/vnd.oci.image.config.v1+json",
    );
    const layer = await this.blob(
      randomBytes(64),
      "application/vnd.oci.image.layer.v1.tar+gzip",
    );
    const manifest = {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config,
      layers: [layer],
    };
    return this.manifest(manifest, tag);
  }

  /** A Docker schema 2 image and a Docker manifest list naming it. */
  async dockerList(tag: string): Promise<Pushed> {
    const config = await this.blob(
      Buffer.from(JSON.stringify({ architecture: "amd64", os: "linux" })),
      "application/vnd.docker.container.image.v1+json",
    );
    const layer = await this.blob(
      randomBytes(64),
      "application/vnd.docker.image.rootfs.diff.tar.gzip",
    );
    const v2 = "application/vnd.docker.distribution.manifest.v2+json";
    const list = "application/vnd.docker.distribution.manifest.list.v2+json";
    const image = await this.manifest(
      { schemaVersion: 2, mediaType: v2, config, layers: [layer] },
      undefined,
      v2,
    );
    const platform = { architecture: "amd64", os: "linux" };
    return this.manifest(
      {
        schemaVersion: 2,
        mediaType: list,
        manifests: [{ ...image, platform }],
      },
      tag,
      list,
    );
  }

  /** A multi-arch index of two fresh images under `tag`. */
  async index(tag: string): Promise<{ index: Pushed; children: Pushed[] }> {
    const children = [await this.image(), await this.image()];
    const platforms = ["amd64", "arm64"];
    const manifests = children.map((c, i) => ({
      ...c,
      platform: { architecture: platforms[i], os: "linux" },
    }));
    const index = await this.manifest(
      { schemaVersion: 2, mediaType: OCI_INDEX, manifests },
      tag,
      OCI_INDEX,
    );
    return { index, children };
  }
}
