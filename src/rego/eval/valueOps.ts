import { RObject, RSet, type Value } from "../value.js";

/** Child of a collection at key `k` (set membership yields the key). */
export function getChild(v: Value, k: Value): Value | undefined {
  if (Array.isArray(v)) {
    if (typeof k !== "number" || !Number.isInteger(k)) return undefined;
    return v[k];
  }
  if (v instanceof RObject) return v.get(k);
  if (v instanceof RSet) return v.has(k) ? k : undefined;
  return undefined;
}

/** Returns `v` with `value` set at `path` (objects created as needed). */
export function upsert(
  v: Value | undefined,
  path: Value[],
  value: Value,
): Value {
  if (path.length === 0) return value;
  const o = v instanceof RObject ? v.clone() : new RObject();
  const [k, ...rest] = path;
  o.set(k!, upsert(o.get(k!), rest, value));
  return o;
}

/** Deep-merges objects (b wins on conflicting non-object values). */
export function mergeValues(a: Value | undefined, b: Value): Value {
  if (!(a instanceof RObject) || !(b instanceof RObject)) return b;
  const o = a.clone();
  for (const [k, v] of b.entries()) o.set(k, mergeValues(o.get(k), v));
  return o;
}
