import { createHash, generateKeyPairSync } from "node:crypto";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Deterministic random-looking characters from `alphabet`, for fakes. */
export function fakeChars(
  seed: string,
  length: number,
  alphabet = ALNUM,
): string {
  let out = "";
  for (let i = 0; out.length < length; i++) {
    const block = createHash("sha256").update(`${seed}/${i}`).digest();
    for (const byte of block) {
      if (out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/**
 * Real-looking but fake credentials (never valid anywhere). `seed` makes
 * distinct values for canaries.
 */
export function fakeSecrets(seed = "gg") {
  return {
    awsKeyId: `AKIA${fakeChars(`${seed}aws-id`, 16, UPPER)}`,
    awsSecret: fakeChars(`${seed}aws-secret`, 40),
    githubToken: `ghp_${fakeChars(`${seed}gh`, 36)}`,
    slackToken: `xoxb-2748123456-2748123456789-${fakeChars(`${seed}slack`, 24)}`,
    gitlabToken: `glpat-${fakeChars(`${seed}gl`, 20)}`,
    password: `Pw-${fakeChars(`${seed}pw`, 14)}`,
    privateKey: generateKeyPairSync("ed25519")
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString(),
  };
}

/** Base64 of UTF-8 text, like a Secret's `data`. */
export function b64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}
