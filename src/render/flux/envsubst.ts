/**
 * Flux `postBuild.substitute`: replaces `${var}`, `${var:=default}`,
 * `${var:-default}`, `${var=default}` and `${var-default}` in `text`.
 * Unset variables without a default become empty strings, as in Flux's
 * non-strict mode; `$${var}` is an escape for a literal `${var}`.
 *
 * @returns the text and the names of variables that had no value
 */
export function envsubst(
  text: string,
  vars: Readonly<Record<string, string>>,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const re = /\$?\$\{([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?[=-])([^}]*))?\}/g;
  const out = text.replace(
    re,
    (all, name: string, op?: string, def?: string) => {
      if (all.startsWith("$$")) return all.slice(1);
      const value = vars[name];
      const empty =
        value === undefined || (op?.startsWith(":") && value === "");
      if (!empty) return value;
      if (op !== undefined) return def ?? "";
      missing.add(name);
      return "";
    },
  );
  return { text: out, missing: [...missing].sort() };
}
