import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { messageBundle } from "./classicBundle.js";
import type { Evidence } from "./evidence.js";
import shipped from "./sigstoreTrustedRoot.json" with { type: "json" };
import { shippedTrustedRoot } from "./trustedRoot.js";
import { identityMatches, verifyEvidence } from "./verifyEvidence.js";

describe("identityMatches", () => {
  const cases = [
    {
      policy:
        "https://github.com/org/repo/.github/workflows/release.yml@refs/heads/main",
      actual:
        "https://github.com/org/repo/.github/workflows/release.yml@refs/heads/main",
      want: true,
    },
    { policy: "me@example.com", actual: "me@example.com.evil", want: false },
    {
      policy: "^https://github.com/org/.+$",
      actual: "https://github.com/org/repo/x",
      want: true,
    },
    {
      policy: "^https://github.com/org/.+$",
      actual: "https://github.com/org-evil/repo",
      want: false,
    },
    {
      policy: "^https://github.com/org/.+$",
      actual: "x https://github.com/org/repo",
      want: false,
    },
    {
      policy: "https://github.com/org/.+",
      actual: "https://github.com/org/repo",
      want: false,
    },
    { policy: "^(a+)+$", actual: `${"a".repeat(5000)}b`, want: false },
  ];
  it.each(cases)("$policy ~ $actual → $want", ({ policy, actual, want }) => {
    expect(identityMatches(policy, actual)).toBe(want);
  });
});

const payload = Buffer.from('{"critical":{}}');
const digest = createHash("sha256").update(payload).digest();

function evidence(material: Parameters<typeof messageBundle>[3]): Evidence {
  const { privateKey } = generateKeyPairSync("ec", {
    namedCurve: "prime256v1",
  });
  const sig = sign("sha256", payload, privateKey);
  return {
    layout: "classic",
    bundle: messageBundle(digest, "sha256", sig, material),
    artifact: payload,
    where: "test",
  };
}

const fulcioCa =
  shipped.certificateAuthorities[0]!.certChain.certificates[0]!.rawBytes;
const pem = `-----BEGIN CERTIFICATE-----\n${fulcioCa}\n-----END CERTIFICATE-----`;

describe("verifyEvidence", () => {
  const keyless = {
    kind: "keyless" as const,
    name: "ci",
    issuer: "https://token.actions.githubusercontent.com",
    subject: "^https://github.com/org/.+$",
  };

  it("refuses key-signed evidence for a keyless authority", async () => {
    const root = await shippedTrustedRoot();
    const result = verifyEvidence(evidence({}), keyless, {
      ignoreTlog: true,
      root,
    });
    expect(result).toEqual({
      ok: false,
      reason: "signed with a key, not a certificate",
    });
  });

  it("turns a certificate that is not a Fulcio leaf into a failure, not a throw", async () => {
    const root = await shippedTrustedRoot();
    const result = verifyEvidence(evidence({ certificate: pem }), keyless, {
      ignoreTlog: false,
      root,
    });
    expect(result.ok).toBe(false);
  });

  it("rejects a forged transparency-log entry for a key authority", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("ec", {
      namedCurve: "prime256v1",
    });
    const sig = sign("sha256", payload, privateKey);
    const body = Buffer.from(
      JSON.stringify({ kind: "hashedrekord", apiVersion: "0.0.1", spec: {} }),
    );
    const rekorBundle = JSON.stringify({
      SignedEntryTimestamp: Buffer.from("forged").toString("base64"),
      Payload: {
        body: body.toString("base64"),
        integratedTime: 1700000000,
        logIndex: 1,
        logID:
          "c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d",
      },
    });
    const e: Evidence = {
      layout: "classic",
      bundle: messageBundle(digest, "sha256", sig, { rekorBundle }),
      artifact: payload,
      where: "test",
    };
    const root = await shippedTrustedRoot();
    const key = { kind: "key" as const, name: "k", key: publicKey };
    expect(verifyEvidence(e, key, { ignoreTlog: true, root })).toEqual({
      ok: true,
    });
    expect(verifyEvidence(e, key, { ignoreTlog: false, root }).ok).toBe(false);
  });
});
