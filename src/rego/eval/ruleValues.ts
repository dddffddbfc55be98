import type { CRule } from "../compile/compileModules.js";
import type { RuleNode } from "../compile/RuleNode.js";
import { RegoError } from "../RegoError.js";
import { equal, RObject, RSet, typeName, type Value } from "../value.js";
import { mergeValues } from "./valueOps.js";

/** Merges a child node's value into its parent's value. */
export function mergeChild(
  a: Value | undefined,
  b: Value,
  node: RuleNode,
): Value {
  if (a === undefined || equal(a, b)) return b;
  if (a instanceof RObject && b instanceof RObject) {
    const o = a.clone();
    for (const [k, v] of b.entries()) o.set(k, mergeChild(o.get(k), v, node));
    return o;
  }
  if (a instanceof RSet && b instanceof RSet) {
    const s = a.clone();
    for (const v of b.values()) s.add(v);
    return s;
  }
  throw RegoError.single(
    "eval_conflict_error",
    `object keys must be unique (data.${node.path.join(".")})`,
  );
}

/** An eval_conflict_error at a rule. */
export function conflict(msg: string, r: CRule): RegoError {
  return RegoError.single("eval_conflict_error", msg, r.src.loc);
}

/** True when path p is a prefix of full. */
export function isPrefix(p: Value[], full: Value[]): boolean {
  return (
    p.length <= full.length && p.every((s, i) => String(s) === String(full[i]))
  );
}

/** Inserts a ref-head rule value at a nested key path. */
export function insertPath(
  obj: RObject,
  ks: Value[],
  v: Value,
  r: CRule,
): void {
  let cur = obj;
  for (let i = 0; i < ks.length - 1; i++) {
    let next = cur.get(ks[i]!);
    if (next === undefined) {
      next = new RObject();
      cur.set(ks[i]!, next);
    } else if (!(next instanceof RObject))
      throw conflict("object keys must be unique", r);
    cur = next;
  }
  const last = ks[ks.length - 1]!;
  const old = cur.get(last);
  if (old !== undefined && !equal(old, v)) {
    if (old instanceof RObject && v instanceof RObject) {
      cur.set(last, mergeValues(old, v));
      return;
    }
    throw conflict("object keys must be unique", r);
  }
  cur.set(last, v);
}

/** Adds a multi-value rule element at a nested key path. */
export function insertSet(obj: RObject, ks: Value[], k: Value, r: CRule): void {
  let cur = obj;
  for (let i = 0; i < ks.length - 1; i++) {
    let next = cur.get(ks[i]!);
    if (next === undefined) cur.set(ks[i]!, (next = new RObject()));
    if (!(next instanceof RObject))
      throw conflict("object keys must be unique", r);
    cur = next;
  }
  const last = ks[ks.length - 1]!;
  let s = cur.get(last);
  if (s === undefined) cur.set(last, (s = new RSet()));
  if (!(s instanceof RSet))
    throw conflict(`object keys must be unique (${typeName(s)})`, r);
  s.add(k);
}
