import { describe, expect, it } from "vitest";
import { parseImageRef } from "./imageRef.js";
import {
  NotFoundError,
  RegistryClient,
  sha256Digest,
} from "./RegistryClient.js";

type Handler = (path: string, method: string, accept: string) => Response;

function client(handler: Handler, seen: string[] = []) {
  const fetchFn: typeof fetch = async (input, init) => {
    const path = new URL(String(input)).pathname;
    const method = init?.method ?? "GET";
    seen.push(`${method} ${path}`);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    return handler(path, method, headers["accept"] ?? "");
  };
  return new RegistryClient({ fetch: fetchFn, retries: 0 });
}

const ref = parseImageRef("reg.example/org/app:v1");
const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, layers: [] }));
const digest = sha256Digest(manifest);

describe("RegistryClient", () => {
  it("resolves a tag with HEAD and sends all four manifest types", async () => {
    const accepts: string[] = [];
    const c = client((_p, method, accept) => {
      accepts.push(accept);
      return new Response(null, {
        headers: { "docker-content-digest": digest },
      });
    });
    expect(await c.resolveDigest(ref)).toBe(digest);
    for (const type of [
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.docker.distribution.manifest.v2+json",
    ]) {
      expect(accepts[0]).toContain(type);
    }
  });

  it("hashes the manifest when HEAD gives no digest", async () => {
    const seen: string[] = [];
    const c = client(
      (_p, method) => new Response(method === "HEAD" ? null : manifest),
      seen,
    );
    expect(await c.resolveDigest(ref)).toBe(digest);
    expect(seen).toEqual([
      "HEAD /v2/org/app/manifests/v1",
      "GET /v2/org/app/manifests/v1",
    ]);
  });

  it("never asks the registry for a pinned digest", async () => {
    const seen: string[] = [];
    const c = client(() => new Response("", { status: 500 }), seen);
    expect(
      await c.resolveDigest(parseImageRef(`reg.example/a@${digest}`)),
    ).toBe(digest);
    expect(seen).toEqual([]);
  });

  it("rejects a manifest or blob whose bytes do not match the digest asked for", async () => {
    const c = client(() => new Response("{}"));
    await expect(c.getManifest(ref, digest)).rejects.toThrow(/content digest/);
    await expect(c.getBlob(ref, digest)).rejects.toThrow(
      /does not match digest/,
    );
  });

  it("refuses oversized bodies", async () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 0x20);
    const c = client(() => new Response(big));
    await expect(c.getManifest(ref, "v1")).rejects.toThrow(/exceeds/);
  });

  it("maps 404 to NotFoundError and other failures to errors", async () => {
    await expect(
      client(() => new Response("", { status: 404 })).getManifest(ref, "v1"),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      client(() => new Response("", { status: 403 })).getManifest(ref, "v1"),
    ).rejects.toThrow(
      "reg.example/v2/org/app/manifests/v1: registry answered 403",
    );
  });

  it("uses the referrers API when present and the fallback tag otherwise", async () => {
    const listed = {
      manifests: [{ mediaType: "m", digest: "sha256:1", size: 1 }],
    };
    const api = client(() => Response.json(listed));
    expect(await api.listReferrers(ref, digest)).toEqual(listed.manifests);
    const seen: string[] = [];
    const fallback = client(
      (path) =>
        path.includes("/referrers/")
          ? new Response("", { status: 404 })
          : Response.json(listed),
      seen,
    );
    expect(await fallback.listReferrers(ref, digest)).toEqual(listed.manifests);
    expect(seen[1]).toBe(
      `GET /v2/org/app/manifests/${digest.replace(":", "-")}`,
    );
    const none = client(() => new Response("", { status: 404 }));
    expect(await none.listReferrers(ref, digest)).toEqual([]);
  });
});
