import { equal, RObject, RSet, typeName, type Value } from "../value.js";
import { mergeValues } from "../eval/valueOps.js";
import { BuiltinError, register, typeErr } from "./registry.js";

function obj(v: Value, pos: number): RObject {
  if (!(v instanceof RObject)) throw typeErr(pos, "object", v);
  return v;
}

function keysOf(v: Value, pos: number, name: string): Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof RSet) return [...v.values()];
  if (v instanceof RObject) return v.keys();
  throw new BuiltinError(
    `${name}: operand ${pos} must be one of {object, set, array} but got ${typeName(v)}`.replace(
      `${name}: `,
      "",
    ),
    "eval_type_error",
  );
}

register("object.get", 3, ([o, k, d]) => {
  if (!(o instanceof RObject)) throw typeErr(1, "object", o!);
  if (!Array.isArray(k)) {
    const v = o.get(k!);
    return v === undefined ? d : v;
  }
  let cur: Value = o;
  for (const seg of k) {
    let next: Value | undefined;
    if (cur instanceof RObject) next = cur.get(seg);
    else if (Array.isArray(cur) && typeof seg === "number") next = cur[seg];
    else if (cur instanceof RSet) next = cur.has(seg) ? seg : undefined;
    if (next === undefined) return d;
    cur = next;
  }
  return cur;
});
register("object.keys", 1, ([o]) => RSet.from(obj(o!, 1).keys()));
register("object.remove", 2, ([o, k]) => {
  const out = obj(o!, 1).clone();
  for (const key of keysOf(k!, 2, "object.remove")) out.delete(key);
  return out;
});
register("object.filter", 2, ([o, k]) => {
  const src = obj(o!, 1);
  const out = new RObject();
  for (const key of keysOf(k!, 2, "object.filter")) {
    const v = src.get(key);
    if (v !== undefined) out.set(key, v);
  }
  return out;
});
register("object.union", 2, ([a, b]) => mergeValues(obj(a!, 1), obj(b!, 2)));
register("object.union_n", 1, ([a]) => {
  if (!Array.isArray(a)) throw typeErr(1, "array", a!);
  let out: Value = new RObject();
  for (const x of a) out = mergeValues(out, obj(x, 1));
  return out;
});
register("object.subset", 2, ([a, b]) => subset(a!, b!));

function subset(sup: Value, sub: Value): boolean {
  if (sup instanceof RObject && sub instanceof RObject) {
    for (const [k, v] of sub.entries()) {
      const x = sup.get(k);
      if (x === undefined) return false;
      if (x instanceof RObject && v instanceof RObject) {
        if (!subset(x, v)) return false;
      } else if (x instanceof RSet && v instanceof RSet) {
        if (!subset(x, v)) return false;
      } else if (!equal(x, v)) return false;
    }
    return true;
  }
  if (sup instanceof RSet && sub instanceof RSet) {
    for (const v of sub.values()) if (!sup.has(v)) return false;
    return true;
  }
  if (Array.isArray(sup) && Array.isArray(sub)) {
    if (sub.length === 0) return true;
    for (let i = 0; i + sub.length <= sup.length; i++)
      if (sub.every((x, j) => equal(x, sup[i + j]!))) return true;
    return false;
  }
  if (Array.isArray(sup) && sub instanceof RSet)
    return [...sub.values()].every((x) => sup.some((y) => equal(x, y)));
  if (!(sup instanceof RObject || sup instanceof RSet || Array.isArray(sup)))
    throw typeErr(1, "one of {object, set, array}", sup);
  throw new BuiltinError(
    `operand 2 must be ${sup instanceof RObject ? "object" : sup instanceof RSet ? "set" : "one of {array, set}"} but got ${typeName(sub)}`,
    "eval_type_error",
  );
}

register(
  "walk",
  1,
  ([v]) => {
    const out: Value[] = [];
    const go = (path: Value[], x: Value): void => {
      out.push([path, x]);
      if (Array.isArray(x)) x.forEach((e, i) => go([...path, i], e));
      else if (x instanceof RObject)
        for (const [k, e] of x.sortedEntries()) go([...path, k], e);
      else if (x instanceof RSet)
        for (const e of x.sorted()) go([...path, e], e);
    };
    go([], v!);
    return out;
  },
  true,
);
