import { generateKeyPairSync } from "node:crypto";
import { TrustedRoot } from "@sigstore/protobuf-specs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ImageVerifier,
  RegistryClient,
  parseImageRef,
  type ImagePolicy,
} from "../../src/oci/index.js";
import { attachBundleJson, signClassic, statement } from "./cosignFixtures.js";
import { FakeSigstore } from "./fakeSigstore.js";
import { Pusher } from "./pushImage.js";
import { startRegistry, type LocalRegistry } from "./startRegistry.js";

const ISSUER = "https://token.actions.githubusercontent.com";
const SUBJECT =
  "https://github.com/org/app/.github/workflows/release.yml@refs/heads/main";

let registry: LocalRegistry;
let pusher: Pusher;
const sigstore = new FakeSigstore();

beforeAll(async () => {
  registry = await startRegistry();
  pusher = new Pusher(registry.host);
});
afterAll(async () => registry?.stop());

function verifier() {
  return new ImageVerifier({
    client: new RegistryClient({ fetch }),
    trustedRoot: async () => TrustedRoot.fromJSON(sigstore.trustedRoot()),
  });
}

const keyless = (
  issuer: string,
  subject: string,
  ignoreTlog = false,
): ImagePolicy => ({
  authorities: [{ kind: "keyless", name: "release workflow", issuer, subject }],
  attestations: [],
  ignoreTlog,
});

async function keylessSigned(repo: string, withLog = true) {
  const signer = sigstore.issue(SUBJECT, ISSUER);
  const image = await pusher.repo(repo).image("v1");
  await signClassic(pusher, repo, image.digest, signer.privateKey, {
    extra: (payload, signature) => ({
      "dev.sigstore.cosign/certificate": signer.certificatePem,
      ...(withLog
        ? {
            "dev.sigstore.cosign/bundle": sigstore.rekorBundle(
              payload,
              signature,
              signer.certificatePem,
            ),
          }
        : {}),
    }),
  });
  return parseImageRef(`${registry.host}/${repo}:v1`);
}

describe("keyless classic signatures (private Sigstore)", () => {
  const cases = [
    {
      name: "exact identity",
      issuer: ISSUER,
      subject: SUBJECT,
      want: "verified",
    },
    {
      name: "anchored regex",
      issuer: ISSUER,
      subject: "^https://github.com/org/.+$",
      want: "verified",
    },
    {
      name: "other subject",
      issuer: ISSUER,
      subject: "^https://github.com/evil/.+$",
      want: "untrusted",
    },
    {
      name: "other issuer",
      issuer: "https://accounts.google.com",
      subject: SUBJECT,
      want: "untrusted",
    },
  ];
  it.each(cases)("$name → $want", async ({ name, issuer, subject, want }) => {
    const ref = await keylessSigned(`keyless/${name.replace(/ /g, "-")}`);
    const verdict = await verifier().verify(ref, keyless(issuer, subject));
    expect(verdict.signature.status).toBe(want);
  });

  it("needs the log entry's timestamp, even with ignoreTlog", async () => {
    const ref = await keylessSigned("keyless/no-log", false);
    const strict = await verifier().verify(ref, keyless(ISSUER, SUBJECT));
    expect(strict.signature.status).toBe("untrusted");
    const lax = await verifier().verify(ref, keyless(ISSUER, SUBJECT, true));
    expect(lax.signature).toMatchObject({ status: "untrusted" });
    expect(JSON.stringify(lax.signature)).toContain(
      "expected 1 timestamps, got 0",
    );
  });

  it("rejects the same certificate under the public-good root", async () => {
    const ref = await keylessSigned("keyless/public-root");
    const v = new ImageVerifier({ client: new RegistryClient({ fetch }) });
    const verdict = await v.verify(ref, keyless(ISSUER, SUBJECT));
    expect(verdict.signature.status).toBe("untrusted");
  });
});

describe("key signatures with a transparency-log entry", () => {
  const pairs = {
    p256: () => generateKeyPairSync("ec", { namedCurve: "prime256v1" }),
    p384: () => generateKeyPairSync("ec", { namedCurve: "secp384r1" }),
    ed25519: () => generateKeyPairSync("ed25519"),
  };
  it.each(Object.keys(pairs) as (keyof typeof pairs)[])(
    "accepts a logged %s signature with ignoreTlog off, and rejects an unlogged one",
    async (kind) => {
      const { privateKey, publicKey } = pairs[kind]();
      const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
      const logged = await pusher.repo(`tlog/${kind}-logged`).image("v1");
      await signClassic(
        pusher,
        `tlog/${kind}-logged`,
        logged.digest,
        privateKey,
        {
          extra: (payload, signature) => ({
            "dev.sigstore.cosign/bundle": sigstore.rekorBundle(
              payload,
              signature,
              pem,
            ),
          }),
        },
      );
      const unlogged = await pusher.repo(`tlog/${kind}-unlogged`).image("v1");
      await signClassic(
        pusher,
        `tlog/${kind}-unlogged`,
        unlogged.digest,
        privateKey,
      );
      const policy: ImagePolicy = {
        authorities: [{ kind: "key", name: "k", key: publicKey }],
        attestations: [],
        ignoreTlog: false,
      };
      const v = verifier();
      const ok = await v.verify(
        parseImageRef(`${registry.host}/tlog/${kind}-logged:v1`),
        policy,
      );
      expect(ok.signature).toEqual({ status: "verified", authority: "k" });
      const bad = await v.verify(
        parseImageRef(`${registry.host}/tlog/${kind}-unlogged:v1`),
        policy,
      );
      expect(bad.signature.status).toBe("untrusted");
    },
  );
});

describe("keyless bundles as OCI referrers (cosign v3 layout)", () => {
  it("verifies a keyless signature and SBOM attestation with inclusion proofs", async () => {
    const repo = "keyless/bundle";
    const image = await pusher.repo(repo).image("v1");
    const signer = sigstore.issue(SUBJECT, ISSUER);
    for (const type of [
      "https://sigstore.dev/cosign/sign/v1",
      "https://spdx.dev/Document",
    ]) {
      const bundle = sigstore.dsseBundle(
        statement(image.digest, type),
        signer,
        "application/vnd.in-toto+json",
      );
      await attachBundleJson(pusher, image, bundle, type);
    }
    const ref = parseImageRef(`${registry.host}/${repo}:v1`);
    const policy = {
      ...keyless(ISSUER, "^https://github.com/org/.+$"),
      attestations: ["https://spdx.dev/Document"],
    };
    const verdict = await verifier().verify(ref, policy);
    expect(verdict.signature).toEqual({
      status: "verified",
      authority: "release workflow",
    });
    expect(verdict.attestations[0]?.status).toBe("verified");
    const stranger = await verifier().verify(
      ref,
      keyless(ISSUER, "^https://github.com/evil/.+$"),
    );
    expect(stranger.signature.status).toBe("untrusted");
  });

  it("rejects a bundle whose checkpoint was not signed by the log", async () => {
    const repo = "keyless/bad-checkpoint";
    const image = await pusher.repo(repo).image("v1");
    const signer = sigstore.issue(SUBJECT, ISSUER);
    const type = "https://sigstore.dev/cosign/sign/v1";
    const bundle = sigstore.dsseBundle(
      statement(image.digest, type),
      signer,
      "application/vnd.in-toto+json",
    );
    const proof = bundle.verificationMaterial.tlogEntries[0]!.inclusionProof;
    proof.checkpoint.envelope = proof.checkpoint.envelope.replace(
      "\n1\n",
      "\n2\n",
    );
    await attachBundleJson(pusher, image, bundle, type);
    const ref = parseImageRef(`${registry.host}/${repo}:v1`);
    const verdict = await verifier().verify(ref, keyless(ISSUER, SUBJECT));
    expect(verdict.signature).toMatchObject({ status: "untrusted" });
    expect(JSON.stringify(verdict.signature)).toContain("checkpoint");
  });
});
