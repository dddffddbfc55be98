import type { Candidate } from "../types.js";
import { credentialCandidate, type PairSite } from "./credentialCandidate.js";

const ENV_LINE =
  /^\s*(?:-\s+)?(?:export\s+)?(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\1\s*[=:]\s*(.*?)\s*$/;

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
    if (raw.trimStart().startsWith("#")) return;
    const line = sameLine ? site.line : site.line + i;
    for (const [key, value] of linePairs(raw)) {
      const c = credentialCandidate(key, value, { ...site, line });
      if (c) out.push(c);
    }
  });
  return out;
}

/** A JSON member with a string value: `"password": "..."`. */
const JSON_PAIR = /"([A-Za-z_][\w.-]*)"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

/** A pair of a YAML flow mapping: `{user: app, password: Pw-x}`. */
const FLOW_PAIR =
  /[{,]\s*["']?([A-Za-z_][\w.-]*)["']?\s*:\s+("[^"]*"|'[^']*'|[^\s,{}[\]][^,{}]*)/g;

/**
 * The key/value pairs of one line: every JSON string member (a line of
 * minified JSON may hold many), every pair of a YAML flow mapping, else
 * one `KEY=value` or `key: value`.
 */
function linePairs(raw: string): [string, string][] {
  if (raw.includes('":')) {
    const pairs = [...raw.matchAll(JSON_PAIR)].map((m): [string, string] => [
      m[1] ?? "",
      jsonUnescape(m[2] ?? ""),
    ]);
    if (pairs.length > 0) return pairs;
  }
  if (raw.includes("{")) {
    const pairs = [...raw.matchAll(FLOW_PAIR)].map((m): [string, string] => [
      m[1] ?? "",
      unquote((m[2] ?? "").trim()),
    ]);
    if (pairs.length > 0) return pairs;
  }
  const m = ENV_LINE.exec(raw);
  if (!m) return [];
  // A quoted key is JSON-like: `"enabled": false,` ends with a comma.
  const value = m[1] ? (m[3] ?? "").replace(/,$/, "") : (m[3] ?? "");
  return [[m[2] ?? "", unquote(value)]];
}

function jsonUnescape(value: string): string {
  try {
    return JSON.parse(`"${value}"`) as string;
  } catch {
    return value; // a broken escape: scan the text as written
  }
}

/** True for `.env`, `.env.prod`, `prod.env` (dotenv-style files) and
 * Java `.properties` files (`db.password=...`), both `key=value` lines. */
export function isEnvFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return /^\.env(?:\..+)?$/.test(base) || /\.(?:env|properties)$/.test(base);
}

/** A quoted value, then maybe a comment: `"Pw-x" # rotated monthly`. */
const QUOTED = /^(["'])(.*)\1(?:\s+#.*)?$/;

/** The value as the consumer sees it: without its quotes or comment (the
 * form outputs must mask, e.g. in a rendered diff). */
function unquote(value: string): string {
  const quoted = QUOTED.exec(value);
  if (quoted) return quoted[2] ?? "";
  return value.replace(/\s+#.*$/, "");
}
