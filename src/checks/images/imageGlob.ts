/**
 * Matches image references against policy-controller style globs: `*`
 * matches within one path segment, `**` across segments, `?` one
 * character. A glob is tried against the normalised repository name
 * (`docker.io/library/nginx`) and the full reference with tag and digest.
 * @example imageGlobMatches("ghcr.io/org/**", ["ghcr.io/org/a/b:v1"]) // true
 */
export function imageGlobMatches(glob: string, candidates: string[]): boolean {
  const re = globToRegExp(glob);
  return candidates.some((c) => re.test(c));
}

function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] ?? "";
    if (ch === "*" && glob[i + 1] === "*") {
      out += ".*";
      i++;
    } else if (ch === "*") {
      out += "[^/]*";
    } else if (ch === "?") {
      out += "[^/]";
    } else {
      out += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${out}$`);
}
