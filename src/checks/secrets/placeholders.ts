/** Words that mark a value as a stand-in, not a secret. */
const PLACEHOLDER_WORDS =
  /^(?:change[-_ ]?me|changeit|replace[-_ ]?me|to[-_ ]?do|tbd|fixme|secret|password|passw0rd|example|dummy|placeholder|redacted|none|null|nil|empty|test|your[-_a-z]*|my[-_a-z]*(?:password|secret|token|key)|insert[-_a-z]*|put[-_a-z]*here)$/i;

/**
 * References a tool resolves at deploy time: Argo CD's `$oidc.clientSecret`
 * and `$secret-name:key` (argocd-cm values read from a Secret), a shell's
 * `$DB_PASSWORD`, Windows' `%TOKEN%`. A real password can start with `$`,
 * so only these exact shapes count.
 */
const REFERENCE =
  /^(?:\$[A-Za-z_][\w-]*(?:[.:][\w.-]+)+|\$[A-Z_][A-Z0-9_]*|%[A-Za-z_]\w*%)$/;

/**
 * True for values that are obviously not a real secret: empty, templated
 * (`${VAR}`, `$(VAR)`, `{{ .Values.x }}`, `%{x}`), references (`$VAR`,
 * Argo CD's `$secret:key`), argocd-vault-plugin
 * `<path:...>` and other `<...>` placeholders, SOPS `ENC[...]` ciphertext,
 * masks (`xxxx`, `****`), documentation keys ending in `EXAMPLE` and
 * stand-in words (`changeme`, `REPLACE_ME`).
 *
 * @example isPlaceholder("<path:secret/data/db#password>") // true
 */
export function isPlaceholder(raw: string): boolean {
  const value = raw.trim().replace(/^["']|["']$/g, "");
  if (value === "") return true;
  if (/^ENC\[[A-Z0-9_]+,/.test(value) || REFERENCE.test(value)) return true;
  // AWS's documentation keys (AKIAIOSFODNN7EXAMPLE) and their imitations.
  if (/EXAMPLE(?:KEY)?$/.test(value)) return true;
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
