import { scrubSecretShapes } from "./scrubSecretShapes.js";

/** Masks one string: known values first, then well-known shapes. */
export type Masker = (text: string) => string;

/**
 * A copy of JSON-like data (a verdict, findings, a render diff) with every
 * string — keys included — passed through `mask` and then
 * {@link scrubSecretShapes}. Apply it to whatever leaves the process.
 *
 * @example
 * const safe = scrubDeep(verdict, (t) => registry.mask(t));
 */
export function scrubDeep<T>(value: T, mask: Masker): T {
  return walk(value, (t) => scrubSecretShapes(mask(t)), 0) as T;
}

const MAX_DEPTH = 100;

function walk(value: unknown, mask: Masker, depth: number): unknown {
  if (typeof value === "string") return mask(value);
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") {
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => walk(v, mask, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[mask(k)] = walk(v, mask, depth + 1);
  }
  return out;
}
