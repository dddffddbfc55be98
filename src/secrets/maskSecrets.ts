import { maskPreview } from "./maskPreview.js";

/** Values shorter than this are not masked (they would garble text). */
export const MIN_MASKED_LENGTH = 4;

/**
 * Replaces every occurrence of the known secret values in `text` with a
 * masked preview. Each value is also masked in the forms it takes in
 * outputs: its single lines (a re-indented key block), JSON-escaped, and
 * base64-encoded (a Secret's `data`).
 *
 * @example maskSecrets("token=ghp_abc…", ["ghp_abc…"]) // "token=[secret …]"
 */
export function maskSecrets(text: string, values: Iterable<string>): string {
  // Compiling the pattern costs more than looking: only mask what is there.
  const present = [...values].filter((v) =>
    variantsOf(v).some((form) => form.length > 0 && text.includes(form)),
  );
  const pattern = secretsPattern(present);
  return pattern ? text.replace(pattern, replacement) : text;
}

/**
 * One regular expression matching every variant of the given values, or
 * undefined when there is nothing to mask. Build it once, use it often.
 */
export function secretsPattern(values: Iterable<string>): RegExp | undefined {
  const variants = new Set<string>();
  for (const value of values) {
    for (const v of variantsOf(value)) {
      if (v.length >= MIN_MASKED_LENGTH) variants.add(v);
    }
  }
  if (variants.size === 0) return undefined;
  const sorted = [...variants].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(escapeRegExp).join("|"), "g");
}

/** The masked form of one matched value. */
export function replacement(match: string): string {
  return `[secret ${maskPreview(match)}]`;
}

function variantsOf(value: string): string[] {
  const lines = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length >= 8 && value.includes("\n"));
  const json = JSON.stringify(value).slice(1, -1);
  const base64 = Buffer.from(value, "utf8").toString("base64");
  return [value, json, base64, base64.replace(/=+$/, ""), ...lines];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
