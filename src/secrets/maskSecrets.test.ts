import { describe, expect, it } from "vitest";
import { fakeSecrets } from "../checks/secrets/testing/fakeSecrets.js";
import {
  DEFAULT_FINGERPRINT_KEY,
  fingerprintKeyFromEnv,
  fingerprintSecret,
} from "./fingerprint.js";
import { maskPreview } from "./maskPreview.js";
import { maskSecrets } from "./maskSecrets.js";
import { scrubSecretShapes } from "./scrubSecretShapes.js";
import { SecretRegistry } from "./SecretRegistry.js";

const s = fakeSecrets("mask");

describe("maskPreview", () => {
  it.each([
    ["AKIAQX7RZ4KJ2LMN5PQR", "AKIA… (20 chars)"],
    ["hunter2-hunter", "hu… (14 chars)"],
    ["hunter2", "… (7 chars)"],
    ["", "… (0 chars)"],
  ])("%j → %j", (value, want) => {
    expect(maskPreview(value)).toBe(want);
  });
});

describe("maskSecrets", () => {
  const key = s.privateKey;
  it.each([
    ["plain", `token=${s.githubToken}!`, [s.githubToken]],
    [
      "base64 form",
      `data: ${Buffer.from(s.password).toString("base64")}`,
      [s.password],
    ],
    ["JSON-escaped key", JSON.stringify({ key }), [key]],
    [
      "re-indented key lines",
      key
        .split("\n")
        .map((l) => `    ${l}`)
        .join("\n"),
      [key],
    ],
    [
      "two values, one a prefix of the other",
      `${s.password}XYZ ${s.password}`,
      [s.password, `${s.password}XYZ`],
    ],
  ])("masks the %s", (_name, text, values) => {
    const masked = maskSecrets(text, values);
    for (const v of values) expect(masked).not.toContain(v);
    expect(masked).not.toContain(key.split("\n")[1]);
    expect(masked).toContain("[secret ");
  });

  it("leaves text without known values unchanged", () => {
    expect(maskSecrets("nothing here", [s.githubToken])).toBe("nothing here");
    expect(maskSecrets("abc", [])).toBe("abc");
  });

  it("treats regex characters in values literally", () => {
    expect(maskSecrets("a.b*c a-b-c", ["a.b*c"])).toBe(
      "[secret … (5 chars)] a-b-c",
    );
  });
});

describe("SecretRegistry", () => {
  it("masks values added after earlier calls", () => {
    const registry = new SecretRegistry();
    expect(registry.mask(s.githubToken)).toBe(s.githubToken);
    registry.add(s.githubToken, "");
    expect(registry.size).toBe(1);
    expect(registry.mask(`x ${s.githubToken}`)).toBe(
      "x [secret ghp_… (40 chars)]",
    );
  });
});

describe("scrubSecretShapes", () => {
  it.each([
    ["aws key id", `id=${s.awsKeyId}`],
    ["github token", `Authorization: token ${s.githubToken}`],
    ["slack token", s.slackToken],
    ["gitlab token", s.gitlabToken],
    ["private key", `x\n${s.privateKey}y`],
    ["url password", "postgres://app:S3cretPw@db:5432/x"],
  ])("scrubs a %s", (_name, text) => {
    const out = scrubSecretShapes(text);
    expect(out).toContain("[redacted");
    expect(out).not.toMatch(
      /ghp_\w{36}|AKIA[A-Z0-9]{16}|xoxb-\d|glpat-\w|S3cretPw|MC4CAQ/,
    );
  });

  it("leaves ordinary text alone", () => {
    const text = "render apps/web: helm template failed (exit 1)";
    expect(scrubSecretShapes(text)).toBe(text);
  });

  it("scrubs an unterminated key block to the end", () => {
    expect(scrubSecretShapes("a -----BEGIN RSA PRIVATE KEY-----\nMIIE")).toBe(
      "a [redacted private-key]",
    );
  });
});

describe("fingerprints", () => {
  it("are keyed and stable", () => {
    const a = fingerprintSecret(s.githubToken, "k1");
    expect(fingerprintSecret(s.githubToken, "k1")).toBe(a);
    expect(fingerprintSecret(s.githubToken, "k2")).not.toBe(a);
    expect(fingerprintSecret(s.slackToken, "k1")).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{24}$/);
  });

  it.each([
    [{}, DEFAULT_FINGERPRINT_KEY],
    [{ GITOPS_GATE_FINGERPRINT_KEY: "" }, DEFAULT_FINGERPRINT_KEY],
    [{ GITOPS_GATE_FINGERPRINT_KEY: "mine" }, "mine"],
  ])("key from env %j", (env, want) => {
    expect(fingerprintKeyFromEnv(env)).toBe(want);
  });
});
