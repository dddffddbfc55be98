import { generateKeyPairSync } from "node:crypto";
import { performance } from "node:perf_hooks";
import {
  ImageVerifier,
  RegistryClient,
  parseImageRef,
  type ImagePolicy,
} from "../src/oci/index.js";
import { signClassic } from "../test/registry/cosignFixtures.js";
import { Pusher } from "../test/registry/pushImage.js";
import { startRegistry } from "../test/registry/startRegistry.js";

const IMAGES = 30;

/**
 * Verifies IMAGES signed images against a local `docker-registry`: a cold
 * run (every signature fetched and checked) and a warm run (verdicts from
 * the cache, only tag HEADs). Target: warm run ≤ 1 request per image.
 */
export async function benchImages(): Promise<void> {
  const registry = await startRegistry().catch((error: Error) => {
    console.log(`images: not measured: ${error.message}`);
  });
  if (!registry) return;
  try {
    const { privateKey, publicKey } = generateKeyPairSync("ec", {
      namedCurve: "prime256v1",
    });
    const pusher = new Pusher(registry.host);
    const refs = [];
    for (let i = 0; i < IMAGES; i++) {
      const repo = `bench/app-${i}`;
      const image = await pusher.repo(repo).image("v1");
      await signClassic(pusher, repo, image.digest, privateKey);
      refs.push(parseImageRef(`${registry.host}/${repo}:v1`));
    }
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    const verifier = new ImageVerifier({
      client: new RegistryClient({ fetch: counting }),
    });
    const policy: ImagePolicy = {
      authorities: [{ kind: "key", name: "bench", key: publicKey }],
      attestations: [],
      ignoreTlog: true,
    };
    for (const label of ["cold", "warm"]) {
      requests = 0;
      const start = performance.now();
      for (const ref of refs) await verifier.verify(ref, policy);
      const ms = performance.now() - start;
      console.log(
        `images ${label}: ${IMAGES} images in ${ms.toFixed(0)} ms ` +
          `(${(ms / IMAGES).toFixed(1)} ms/image, ${requests} requests)`,
      );
    }
  } finally {
    await registry.stop();
  }
}
