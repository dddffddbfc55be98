import { isPlaceholder } from "./placeholders.js";

/** Last words of a key name that hold a credential. */
const CREDENTIAL_WORDS = new Set([
  "password",
  "passwd",
  "pwd",
  "pass",
  "passphrase",
  "secret",
  "token",
  "apikey",
  "credential",
  "credentials",
]);

/** Two-word endings: `api_key`, `secretKey`, `client-secret`, ... */
const CREDENTIAL_PAIRS =
  /^(?:api|secret|access|private|signing|encryption|master|auth|session)(?:key)$/;

/** Key names that point at a secret rather than hold one. */
const REFERENCE_WORDS = new Set([
  "name",
  "ref",
  "file",
  "path",
  "id",
  "key",
  "keys",
  "secretref",
  "existing",
  "enabled",
  "length",
  "type",
  "field",
  "env",
]);

/**
 * True when a key name says its value is a credential: `password`,
 * `DB_PASSWORD`, `apiKey`, `client-secret`, `AUTH_TOKEN`. Names that only
 * refer to a secret (`secretName`, `existingSecret`, `tokenFile`,
 * `passwordKey`) are not.
 *
 * @example isCredentialKey("adminPassword") // true
 */
export function isCredentialKey(key: string): boolean {
  const words = splitWords(key);
  const last = words.at(-1);
  // `existingSecret`, and `auth.existingSecret` as a Helm parameter name.
  if (last === undefined || words.includes("existing")) return false;
  if (CREDENTIAL_PAIRS.test(`${words.at(-2) ?? ""}${last}`)) return true;
  return !REFERENCE_WORDS.has(last) && CREDENTIAL_WORDS.has(last);
}

/**
 * True when a value under a credential-shaped key looks like a real
 * credential: long enough, not a placeholder, not a flag or a number, not
 * prose.
 */
export function isCredentialValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 6 || isPlaceholder(v)) return false;
  if (/^(?:true|false|yes|no|on|off|\d+)$/i.test(v)) return false;
  return (v.match(/\s/g) ?? []).length < 3;
}

function splitWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}
