import type { Candidate } from "../types.js";
import { credentialCandidate, type PairSite } from "./credentialCandidate.js";

const ENV_LINE =
  /^\s*(?:-\s+)?(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]\s*(.*?)\s*$/;

/**
 * Credential-shaped `KEY=value` (and `key: value`) lines of `.env`-style
 * text. Lines are numbered from `site.line`; with `sameLine` every line is
 * reported on `site.line` (text decoded from a single YAML value).
 */
export function envCandidates(
  text: string,
  site: PairSite,
  sameLine = false,
): Candidate[] {
  const out: Candidate[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const m = ENV_LINE.exec(raw);
    if (!m || raw.trimStart().startsWith("#")) return;
    const value = unquote(m[2] ?? "");
    const line = sameLine ? site.line : site.line + i;
    const c = credentialCandidate(m[1] ?? "", value, { ...site, line });
    if (c) out.push(c);
  });
  return out;
}

/** True for `.env`, `.env.prod`, `prod.env`: dotenv-style files. */
export function isEnvFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return /^\.env(?:\..+)?$/.test(base) || /\.env$/.test(base);
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  if (quoted) return quoted[2] ?? "";
  return value.replace(/\s+#.*$/, "");
}
