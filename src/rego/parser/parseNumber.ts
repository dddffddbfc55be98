import { normNum } from "../convert.js";

/** Parses a Rego / JSON number literal, keeping big integers exact. */
export function parseNumber(text: string): number | bigint {
  if (/^-?\d+$/.test(text)) return normNum(BigInt(text));
  const m = /^(-?\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/.exec(text);
  if (m) {
    const frac = m[2] ?? "";
    const exp = Number(m[3]) - frac.length;
    if (exp >= 0 && exp < 400) {
      return normNum(BigInt(m[1]! + frac) * 10n ** BigInt(exp));
    }
  }
  return Number(text);
}
