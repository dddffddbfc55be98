/** A parsed `WWW-Authenticate` challenge. */
export interface AuthChallenge {
  scheme: "bearer" | "basic";
  realm?: string;
  service?: string;
  scope?: string;
}

const PARAM = /([a-zA-Z]+)="([^"]*)"/g;

/**
 * Reads the first challenge of a `WWW-Authenticate` header, or undefined
 * when the scheme is neither Bearer nor Basic.
 * @example parseChallenge('Bearer realm="https://a/token",service="a"')
 */
export function parseChallenge(
  header: string | null,
): AuthChallenge | undefined {
  if (header === null) return undefined;
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
  const scheme = match?.[1]?.toLowerCase();
  if (scheme !== "bearer" && scheme !== "basic") return undefined;
  const out: AuthChallenge = { scheme };
  for (const [, key, value] of (match?.[2] ?? "").matchAll(PARAM)) {
    const k = key?.toLowerCase();
    if (k === "realm" || k === "service" || k === "scope") out[k] = value;
  }
  return out;
}
