import { generateKeyPairSync } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImagesCheck } from "../../src/checks/images/imagesCheck.js";
import { runGate } from "../../src/gate/runGate.js";
import { ImageVerifier, RegistryClient } from "../../src/oci/index.js";
import { dirTree } from "../../src/workspace/dirTree.js";
import { attestClassic, signClassic } from "./cosignFixtures.js";
import { Pusher } from "./pushImage.js";
import { startRegistry, type LocalRegistry } from "./startRegistry.js";

const EXAMPLE = join(import.meta.dirname, "../../examples/images-registry");
const FILES = [
  ".github/gitops-gate.yml",
  "apps/shop/deployment.yaml",
  "apps/shop/cronjob.yaml",
];
const trusted = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const other = generateKeyPairSync("ec", { namedCurve: "prime256v1" });

let registry: LocalRegistry;
let repoDir: string;
let requests: string[] = [];

/** Writes the example with the registry's address and the trusted key. */
async function writeExample(host: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "gg-images-example-"));
  await cp(EXAMPLE, dir, { recursive: true });
  for (const file of FILES) {
    const text = await readFile(join(dir, file), "utf8");
    await writeFile(join(dir, file), text.replaceAll("REGISTRY_HOST", host));
  }
  const pem = trusted.publicKey.export({ type: "spki", format: "pem" });
  await writeFile(join(dir, ".github/cosign.pub"), pem);
  return dir;
}

async function pushImages(pusher: Pusher): Promise<void> {
  const web = await pusher.repo("shop/web").image("v1");
  await signClassic(pusher, "shop/web", web.digest, trusted.privateKey);
  await pusher.repo("shop/unsigned").image("v1");
  const stranger = await pusher.repo("shop/other-key").image("v1");
  await signClassic(
    pusher,
    "shop/other-key",
    stranger.digest,
    other.privateKey,
  );
  const api = await pusher.repo("shop/api").image("v1");
  await signClassic(pusher, "shop/api", api.digest, trusted.privateKey);
}

beforeAll(async () => {
  registry = await startRegistry();
  await pushImages(new Pusher(registry.host));
  repoDir = await writeExample(registry.host);
});
afterAll(async () => {
  await registry?.stop();
  if (repoDir) await rm(repoDir, { recursive: true, force: true });
});

function imagesCheck() {
  const counting: typeof fetch = async (input, init) => {
    requests.push(new URL(String(input)).pathname);
    return fetch(input, init);
  };
  const client = new RegistryClient({ fetch: counting });
  return createImagesCheck({ verifier: new ImageVerifier({ client }) });
}

async function run(check: ReturnType<typeof imagesCheck>) {
  const head = dirTree(repoDir, "head");
  const changes = { all: true, paths: [], commits: [] };
  const verdict = await runGate({ head, changes }, { checks: [check] });
  return verdict.findings
    .filter((f) => f.check === "images" && f.ruleId !== "images/tag-not-pinned")
    .map(
      (f) => `${f.severity} ${f.ruleId} ${f.location.path}:${f.location.line}`,
    )
    .sort();
}

const isSignatureRequest = (path: string) =>
  /\/(blobs|referrers)\/|\/manifests\/sha256-/.test(path);

describe("example repo against a local registry", () => {
  it("passes the signed image and fails the others on their lines", async () => {
    const check = imagesCheck();
    expect(await run(check)).toEqual([
      "error images/attestation-missing apps/shop/cronjob.yaml:15",
      "error images/unsigned apps/shop/deployment.yaml:15",
      "error images/untrusted-signer apps/shop/deployment.yaml:20",
    ]);
  });

  it("accepts the SBOM once attested, and a second run makes no signature requests", async () => {
    const pusher = new Pusher(registry.host).repo("shop/api");
    const api = await pusher.image("v1");
    await signClassic(pusher, "shop/api", api.digest, trusted.privateKey);
    await attestClassic(
      pusher,
      api.digest,
      trusted.privateKey,
      "https://spdx.dev/Document",
    );
    const check = imagesCheck();
    requests = [];
    const first = await run(check);
    expect(first).not.toContainEqual(expect.stringContaining("cronjob"));
    expect(requests.filter(isSignatureRequest).length).toBeGreaterThan(0);
    requests = [];
    expect(await run(check)).toEqual(first);
    expect(requests.filter(isSignatureRequest)).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });

  it("flags the tags as not pinned, as warnings", async () => {
    const head = dirTree(repoDir, "head");
    const changes = { all: true, paths: [], commits: [] };
    const verdict = await runGate(
      { head, changes },
      { checks: [imagesCheck()] },
    );
    const pins = verdict.findings.filter(
      (f) => f.ruleId === "images/tag-not-pinned",
    );
    expect(pins.map((f) => f.severity)).toEqual(Array(4).fill("warning"));
  });
});
