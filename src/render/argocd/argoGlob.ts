/**
 * Compiles a glob the way Argo CD matches `directory.include` and
 * `directory.exclude` (gobwas/glob without separators): `*` and `?` also
 * match `/`, `{a,b}` lists alternatives (nested, each a glob), `[abc]`,
 * `[a-z]` and `[!abc]` are classes, `\` escapes. Like Argo CD, a pattern
 * that does not compile (an unclosed `{` or `[`) matches nothing.
 *
 * @example
 * argoGlob("{config.json,env-usw2/*}")("env-usw2/a/cm.yaml"); // true
 * argoGlob("*.yaml")("sub/cm.yaml"); // true
 */
export function argoGlob(pattern: string): (path: string) => boolean {
  const source = toRegExp(pattern);
  if (source === undefined) return () => false;
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${source})$`, "s");
  } catch (cause) {
    // A class range out of order (`[z-a]`) does not compile either.
    if (cause instanceof SyntaxError) return () => false;
    throw cause;
  }
  return (path) => re.test(path);
}

function toRegExp(p: string): string | undefined {
  let out = "";
  let depth = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === "\\") {
      if (i + 1 >= p.length) return undefined;
      out += escape(p[++i]!);
    } else if (c === "*") {
      out += ".*";
    } else if (c === "?") {
      out += ".";
    } else if (c === "[") {
      const end = p.indexOf("]", i + 1);
      const cls = end < 0 ? undefined : charClass(p.slice(i + 1, end));
      if (cls === undefined) return undefined;
      out += cls;
      i = end;
    } else if (c === "{") {
      depth++;
      out += "(?:";
    } else if (c === "}" && depth > 0) {
      depth--;
      out += ")";
    } else if (c === "," && depth > 0) {
      out += "|";
    } else {
      out += escape(c);
    }
  }
  return depth === 0 ? out : undefined;
}

function charClass(body: string): string | undefined {
  const negate = body.startsWith("!");
  const chars = negate ? body.slice(1) : body;
  if (chars === "") return undefined;
  return `[${negate ? "^" : ""}${chars.replace(/[\\^[]/g, "\\$&")}]`;
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
