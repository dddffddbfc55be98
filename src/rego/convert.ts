import { RObject, RSet, setLazyConvert, type Value } from "./value.js";

/** Normalises a number: bigints inside the safe range become numbers. */
export function normNum(n: number | bigint): number | bigint {
  if (typeof n === "bigint") {
    const f = Number(n);
    return Number.isSafeInteger(f) ? f : n;
  }
  return Object.is(n, -0) ? 0 : n;
}

/** Converts a plain JS value (JSON-like, bigint allowed) to a Rego value.
 * Plain objects convert lazily, each property when first read. */
export function fromJS(x: unknown): Value {
  if (x === null || x === undefined) return null;
  switch (typeof x) {
    case "string":
    case "boolean":
      return x;
    case "number":
      return Object.is(x, -0) ? 0 : x;
    case "bigint":
      return normNum(x);
  }
  if (Array.isArray(x)) return x.map(fromJS);
  if (x instanceof RObject || x instanceof RSet) return x;
  if (x instanceof Set) return RSet.from([...x].map(fromJS));
  if (x instanceof Map) {
    const o = new RObject();
    for (const [k, v] of x) o.set(fromJS(k), fromJS(v));
    return o;
  }
  return RObject.lazy(x as Record<string, unknown>);
}

setLazyConvert(fromJS);

/** Text of a non-string object key in JSON output (as OPA prints it). */
export function keyText(k: Value): string {
  if (typeof k === "string") return k;
  return JSON.stringify(toJS(k), (_k, v: unknown) =>
    typeof v === "bigint" ? Number(v) : v,
  );
}

/**
 * Converts a Rego value to a plain JSON-compatible JS value: sets become
 * sorted arrays, objects become plain objects (keys as text).
 */
export function toJS(v: Value): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(toJS);
  if (v instanceof RSet) return v.sorted().map(toJS);
  const out: Record<string, unknown> = {};
  const entries = v.size > 1 ? v.sortedEntries() : [...v.entries()];
  for (const [k, x] of entries) {
    Object.defineProperty(out, keyText(k), {
      value: toJS(x),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
