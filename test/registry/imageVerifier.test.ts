import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ImageVerifier,
  RegistryClient,
  parseImageRef,
  type Authority,
  type ImagePolicy,
} from "../../src/oci/index.js";
import { attachBundle, attestClassic, signClassic } from "./cosignFixtures.js";
import { Pusher } from "./pushImage.js";
import { startRegistry, type LocalRegistry } from "./startRegistry.js";

const SPDX = "https://spdx.dev/Document";
const SIGN_V1 = "https://sigstore.dev/cosign/sign/v1";

function keyPair(kind: "p256" | "p384" | "rsa" | "ed25519") {
  if (kind === "rsa")
    return generateKeyPairSync("rsa", { modulusLength: 2048 });
  if (kind === "ed25519") return generateKeyPairSync("ed25519");
  const namedCurve = kind === "p256" ? "prime256v1" : "secp384r1";
  return generateKeyPairSync("ec", { namedCurve });
}

const trusted = keyPair("p256");
const other = keyPair("p256");

function policy(key: KeyObject, attestations: string[] = []): ImagePolicy {
  const authorities: Authority[] = [{ kind: "key", name: "team", key }];
  return { authorities, attestations, ignoreTlog: true };
}

let registry: LocalRegistry;
let pusher: Pusher;
let requests: string[];

function verifier() {
  const counting: typeof fetch = async (input, init) => {
    requests.push(`${init?.method ?? "GET"} ${String(input)}`);
    return fetch(input, init);
  };
  return new ImageVerifier({ client: new RegistryClient({ fetch: counting }) });
}

beforeAll(async () => {
  registry = await startRegistry();
  pusher = new Pusher(registry.host);
});
afterAll(async () => registry?.stop());

async function image(repo: string, tag = "v1") {
  const pushed = await pusher.repo(repo).image(tag);
  return { pushed, ref: parseImageRef(`${registry.host}/${repo}:${tag}`) };
}

describe("classic signatures against a real registry", () => {
  const cases = [
    { name: "valid P-256", opts: {}, want: "verified" },
    { name: "tampered payload", opts: { tamper: true }, want: "untrusted" },
    {
      name: "payload naming another digest",
      opts: { payloadDigest: `sha256:${"a".repeat(64)}` },
      want: "invalid",
    },
    {
      name: "missing annotation",
      opts: { noAnnotation: true },
      want: "invalid",
    },
    {
      name: "wrong media type",
      opts: { mediaType: "text/plain" },
      want: "invalid",
    },
  ] as const;

  it.each(cases)("$name → $want", async ({ name, opts, want }) => {
    requests = [];
    const repo = `classic/${name.replace(/[^a-z0-9]+/g, "-")}`;
    const { pushed, ref } = await image(repo);
    await signClassic(pusher, repo, pushed.digest, trusted.privateKey, opts);
    const verdict = await verifier().verify(ref, policy(trusted.publicKey));
    expect(verdict.digest).toBe(pushed.digest);
    expect(verdict.signature.status).toBe(want);
  });

  it.each(["p256", "p384", "rsa", "ed25519"] as const)(
    "accepts %s keys and rejects the same signature under another key",
    async (kind) => {
      const pair = keyPair(kind);
      const repo = `keys/${kind}`;
      const { pushed, ref } = await image(repo);
      await signClassic(pusher, repo, pushed.digest, pair.privateKey);
      const v = verifier();
      expect(
        (await v.verify(ref, policy(pair.publicKey))).signature.status,
      ).toBe("verified");
      const wrong = await v.verify(ref, policy(other.publicKey));
      expect(wrong.signature).toMatchObject({ status: "untrusted" });
    },
  );

  it("treats a registry serving other bytes for a signature as invalid", async () => {
    const repo = "classic/hostile";
    const { pushed, ref } = await image(repo);
    await signClassic(pusher, repo, pushed.digest, trusted.privateKey);
    const lying: typeof fetch = async (input, init) =>
      String(input).includes("/blobs/")
        ? new Response('{"critical":{}}')
        : fetch(input, init);
    const v = new ImageVerifier({
      client: new RegistryClient({ fetch: lying }),
    });
    const verdict = await v.verify(ref, policy(trusted.publicKey));
    expect(verdict.signature).toMatchObject({ status: "invalid" });
    expect(JSON.stringify(verdict.signature)).toContain(
      "does not match digest",
    );
  });

  it("reports an unsigned image as missing", async () => {
    const { ref } = await image("classic/unsigned");
    const verdict = await verifier().verify(ref, policy(trusted.publicKey));
    expect(verdict.signature).toEqual({
      status: "missing",
      detail: "no signature found",
    });
  });

  it("requires a log entry unless ignoreTlog", async () => {
    const repo = "classic/tlog";
    const { pushed, ref } = await image(repo);
    await signClassic(pusher, repo, pushed.digest, trusted.privateKey);
    const strict = { ...policy(trusted.publicKey), ignoreTlog: false };
    const verdict = await verifier().verify(ref, strict);
    expect(verdict.signature).toMatchObject({ status: "untrusted" });
    expect(JSON.stringify(verdict.signature)).toContain("transparency-log");
  });
});

describe("multi-arch indexes", () => {
  it("checks the index digest, so a signed platform alone fails", async () => {
    const repo = "multi/app";
    const { index, children } = await pusher.repo(repo).index("v1");
    await signClassic(pusher, repo, children[0]!.digest, trusted.privateKey);
    const ref = parseImageRef(`${registry.host}/${repo}:v1`);
    const v = verifier();
    const before = await v.verify(ref, policy(trusted.publicKey));
    expect(before.digest).toBe(index.digest);
    expect(before.signature.status).toBe("missing");
    await signClassic(pusher, repo, index.digest, trusted.privateKey);
    const pinned = parseImageRef(`${registry.host}/${repo}@${index.digest}`);
    const after = await verifier().verify(pinned, policy(trusted.publicKey));
    expect(after.signature.status).toBe("verified");
  });
});

describe("Docker media types", () => {
  it("resolves and verifies a Docker manifest list by its own digest", async () => {
    const repo = "docker/list";
    const list = await pusher.repo(repo).dockerList("v1");
    await signClassic(pusher, repo, list.digest, trusted.privateKey);
    const ref = parseImageRef(`${registry.host}/${repo}:v1`);
    const verdict = await verifier().verify(ref, policy(trusted.publicKey));
    expect(verdict).toMatchObject({
      digest: list.digest,
      signature: { status: "verified" },
    });
  });
});

describe("attestations and bundles", () => {
  it("verifies a classic .att SPDX attestation and flags a missing one", async () => {
    const repo = "att/classic";
    const { pushed, ref } = await image(repo);
    await signClassic(pusher, repo, pushed.digest, trusted.privateKey);
    const v = verifier();
    const p = policy(trusted.publicKey, [SPDX]);
    const without = await v.verify(ref, p);
    expect(without.attestations).toEqual([
      { predicateType: SPDX, status: "missing", detail: `no ${SPDX} found` },
    ]);
    await attestClassic(pusher, pushed.digest, trusted.privateKey, SPDX);
    const fresh = verifier();
    const withAtt = await fresh.verify(ref, p);
    expect(withAtt.attestations[0]?.status).toBe("verified");
  });

  it("reads bundle referrers through the fallback tag", async () => {
    const repo = "att/bundle";
    const { pushed, ref } = await image(repo);
    await attachBundle(pusher, pushed, trusted.privateKey, SIGN_V1);
    await attachBundle(pusher, pushed, trusted.privateKey, SPDX);
    const verdict = await verifier().verify(
      ref,
      policy(trusted.publicKey, [SPDX]),
    );
    expect(verdict.signature).toEqual({
      status: "verified",
      authority: "team",
    });
    expect(verdict.attestations[0]?.status).toBe("verified");
    const wrong = await verifier().verify(ref, policy(other.publicKey, [SPDX]));
    expect(wrong.signature.status).toBe("untrusted");
    expect(wrong.attestations[0]?.status).toBe("untrusted");
  });
});

describe("bundle referrers, hostile", () => {
  it("rejects a bundle whose statement is about another image", async () => {
    const repo = "att/replayed-bundle";
    const { pushed, ref } = await image(repo);
    const elsewhere = `sha256:${"e".repeat(64)}`;
    await attachBundle(pusher, pushed, trusted.privateKey, SIGN_V1, elsewhere);
    const verdict = await verifier().verify(ref, policy(trusted.publicKey));
    expect(verdict.signature).toMatchObject({ status: "invalid" });
    expect(JSON.stringify(verdict.signature)).toContain(
      `no subject with digest ${pushed.digest}`,
    );
  });
});

describe("cache", () => {
  it("reuses a failing verdict only until negativeTtlMs has passed", async () => {
    const repo = "cache/late-signature";
    const { pushed, ref } = await image(repo);
    let clock = 0;
    const v = new ImageVerifier({
      client: new RegistryClient({ fetch }),
      now: () => clock,
      negativeTtlMs: 1000,
    });
    const p = policy(trusted.publicKey);
    expect((await v.verify(ref, p)).signature.status).toBe("missing");
    await signClassic(pusher, repo, pushed.digest, trusted.privateKey);
    clock = 999;
    expect(await v.verify(ref, p)).toMatchObject({
      cached: true,
      signature: { status: "missing" },
    });
    clock = 1000;
    expect(await v.verify(ref, p)).toMatchObject({
      cached: false,
      signature: { status: "verified" },
    });
  });

  it("by default sees a late signature a minute later", async () => {
    const repo = "cache/signed-later";
    const { pushed, ref } = await image(repo);
    let clock = 0;
    const v = new ImageVerifier({
      client: new RegistryClient({ fetch }),
      now: () => clock,
    });
    const p = policy(trusted.publicKey);
    expect((await v.verify(ref, p)).signature.status).toBe("missing");
    await signClassic(pusher, repo, pushed.digest, trusted.privateKey);
    clock = 60_000;
    expect(await v.verify(ref, p)).toMatchObject({
      cached: false,
      signature: { status: "verified" },
    });
  });

  it("keys the cache by policy, so another key is checked afresh", async () => {
    const repo = "cache/policy";
    const { pushed, ref } = await image(repo);
    await signClassic(pusher, repo, pushed.digest, trusted.privateKey);
    const v = verifier();
    expect((await v.verify(ref, policy(trusted.publicKey))).cached).toBe(false);
    const other = await v.verify(
      ref,
      policy(generateKeyPairSync("ed25519").publicKey),
    );
    expect(other).toMatchObject({
      cached: false,
      signature: { status: "untrusted" },
    });
  });

  it("serves a second run without signature requests", async () => {
    const repo = "cache/app";
    const { pushed, ref } = await image(repo);
    await signClassic(pusher, repo, pushed.digest, trusted.privateKey);
    requests = [];
    const v = verifier();
    await v.verify(ref, policy(trusted.publicKey));
    const first = requests.length;
    requests = [];
    const second = await v.verify(ref, policy(trusted.publicKey));
    expect(first).toBeGreaterThan(2);
    expect(second).toMatchObject({ cached: true, digest: pushed.digest });
    expect(requests).toEqual([
      `HEAD http://${registry.host}/v2/${repo}/manifests/v1`,
    ]);
  });
});
