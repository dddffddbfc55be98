import { createHmac } from "node:crypto";

/**
 * The key used when `GITOPS_GATE_FINGERPRINT_KEY` is not set. It is public,
 * so fingerprints made with it are stable but can be brute-forced for short
 * values: set your own key in production.
 */
export const DEFAULT_FINGERPRINT_KEY = "gitops-gate/fingerprint/v1";

/** Environment variable holding the fingerprint key. */
export const FINGERPRINT_KEY_ENV = "GITOPS_GATE_FINGERPRINT_KEY";

/**
 * The fingerprint key from the environment, or the documented default.
 * @example fingerprintKeyFromEnv({ GITOPS_GATE_FINGERPRINT_KEY: "s3t" })
 */
export function fingerprintKeyFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const key = env[FINGERPRINT_KEY_ENV];
  return key !== undefined && key !== "" ? key : DEFAULT_FINGERPRINT_KEY;
}

/**
 * A keyed hash (HMAC-SHA256, 24 hex characters) of a secret value: stable
 * across runs and files for the same key, useless without the key.
 * @example fingerprintSecret("AKIA...", key) // "3f9c0a..."
 */
export function fingerprintSecret(value: string, key: string): string {
  return createHmac("sha256", key)
    .update("secret\0")
    .update(value)
    .digest("hex")
    .slice(0, 24);
}
