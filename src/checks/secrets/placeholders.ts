/** Words that mark a value as a stand-in, not a secret. */
const PLACEHOLDER_WORDS =
  /^(?:change[-_ ]?me|changeit|replace[-_ ]?me|to[-_ ]?do|tbd|fixme|secret|password|passw0rd|example|dummy|placeholder|redacted|none|null|nil|empty|test|your[-_a-z]*|my[-_a-z]*(?:password|secret|token|key)|insert[-_a-z]*|put[-_a-z]*here)$/i;

/**
 * True for values that are obviously not a real secret: empty, templated
 * (`${VAR}`, `$(VAR)`, `{{ .Values.x }}`, `%{x}`), argocd-vault-plugin
 * `<path:...>` and other `<...>` placeholders, SOPS `ENC[...]` ciphertext,
 * masks (`xxxx`, `****`) and stand-in words (`changeme`, `REPLACE_ME`).
 *
 * @example isPlaceholder("<path:secret/data/db#password>") // true
 */
export function isPlaceholder(raw: string): boolean {
  const value = raw.trim().replace(/^["']|["']$/g, "");
  if (value === "") return true;
  if (/^ENC\[[A-Z0-9_]+,/.test(value)) return true;
  if (/<path:[^>]+>/.test(value) || /^<[^<>]+>$/.test(value)) return true;
  if (/\$\{[^}]*\}|\$\([^)]*\)|\{\{[^}]*\}\}|%\{[^}]*\}/.test(value)) {
    return true;
  }
  if (/^(.)\1{2,}$/.test(value) || /^[xX*.#_-]{3,}$/.test(value)) return true;
  if (/^(?:x{3,}|X{3,})[-_.]?/.test(value) && /x{3,}$/i.test(value)) {
    return true;
  }
  return PLACEHOLDER_WORDS.test(value);
}
