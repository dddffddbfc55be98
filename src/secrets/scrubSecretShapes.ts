/**
 * Shapes of well-known credentials, masked in free text even when no check
 * reported them (defence in depth for logs and error messages).
 */
const SHAPES: readonly [name: string, pattern: RegExp][] = [
  ["aws-key-id", /\b(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}\b/g],
  ["github-token", /\b(?:gh[pousr]_[A-Za-z0-9_]{36}|github_pat_\w{22,})/g],
  ["gitlab-token", /\bglpat-[0-9A-Za-z_-]{20}/g],
  ["slack-token", /\bxox[abposre]-[0-9A-Za-z-]{10,}/g],
  ["openai-key", /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g],
  ["google-api-key", /\bAIza[0-9A-Za-z_-]{35}/g],
  ["vault-token", /\bhv[sb]\.[A-Za-z0-9_-]{24,}/g],
  ["age-key", /\bAGE-SECRET-KEY-1[0-9A-Z]{58}/g],
  ["stripe-key", /\b[rs]k_live_[0-9A-Za-z]{20,}/g],
];

const URL_PASSWORD =
  /(\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@]{1,200}:)[^\s@/]{1,200}@/gi;
const KEY_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const KEY_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;

/**
 * Masks well-known credential shapes (cloud keys, tokens, private key
 * blocks, passwords in URLs) in free text.
 * @example scrubSecretShapes("x AKIAQX7RZ4KJ2LMN5PQR") // "x [redacted aws-key-id]"
 */
export function scrubSecretShapes(text: string): string {
  let out = scrubKeyBlocks(text);
  for (const [name, pattern] of SHAPES) {
    out = out.replace(pattern, `[redacted ${name}]`);
  }
  return out.replace(URL_PASSWORD, "$1[redacted]@");
}

/** Private key blocks, found with linear scans (no backtracking). */
function scrubKeyBlocks(text: string): string {
  let out = "";
  let from = 0;
  for (const begin of text.matchAll(KEY_BEGIN)) {
    if (begin.index < from) continue;
    KEY_END.lastIndex = begin.index;
    const end = KEY_END.exec(text);
    const stop = end ? end.index + end[0].length : text.length;
    out += text.slice(from, begin.index) + "[redacted private-key]";
    from = stop;
  }
  return out + text.slice(from);
}
