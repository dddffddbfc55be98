import { equal, RObject, RSet, typeName, type Value } from "../value.js";
import { getChild } from "../eval/valueOps.js";
import { BuiltinError, register, typeErr } from "./registry.js";

type PathTree = Map<string, PathTree | true>;

function keyText(k: Value): string {
  return typeof k === "string" ? k : JSON.stringify(k);
}

function pathsOf(v: Value, _name: string): Value[][] {
  const xs = Array.isArray(v) ? v : v instanceof RSet ? [...v.values()] : null;
  if (!xs)
    throw new BuiltinError(
      `operand 2 must be one of {set, array} but got ${typeName(v)}`,
      "eval_type_error",
    );
  return xs.map((p) => {
    if (typeof p === "string") return pointer(p);
    if (Array.isArray(p)) return p;
    throw new BuiltinError(
      `operand 2 must be one of {set, array} containing string paths or array of path segments but got ${typeName(p)}`,
      "eval_type_error",
    );
  });
}

/** Splits a JSON pointer ("a/b~1c") into segments. */
export function pointer(p: string): string[] {
  const t = p.startsWith("/") ? p.slice(1) : p;
  if (t === "") return [];
  return t.split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function tree(paths: Value[][]): PathTree {
  const root: PathTree = new Map();
  for (const p of paths) {
    let n: PathTree = root;
    for (let i = 0; i < p.length; i++) {
      const k = keyText(p[i]!);
      const cur = n.get(k);
      if (cur === true) break;
      if (i === p.length - 1) {
        n.set(k, true);
        break;
      }
      const next: PathTree = cur ?? new Map();
      n.set(k, next);
      n = next;
    }
  }
  return root;
}

function filter(v: Value, t: PathTree): Value {
  if (v instanceof RObject) {
    const out = new RObject();
    for (const [k, x] of v.entries()) {
      const sub = t.get(keyText(k));
      if (sub !== undefined) out.set(k, sub === true ? x : filter(x, sub));
    }
    return out;
  }
  if (Array.isArray(v)) {
    const out: Value[] = [];
    v.forEach((x, i) => {
      const sub = t.get(String(i));
      if (sub !== undefined) out.push(sub === true ? x : filter(x, sub));
    });
    return out;
  }
  if (v instanceof RSet) {
    const out = new RSet();
    for (const x of v.values()) {
      const sub = t.get(keyText(x));
      if (sub !== undefined) out.add(sub === true ? x : filter(x, sub));
    }
    return out;
  }
  return v;
}

function remove(v: Value, t: PathTree): Value {
  if (v instanceof RObject) {
    const out = new RObject();
    for (const [k, x] of v.entries()) {
      const sub = t.get(keyText(k));
      if (sub === true) continue;
      out.set(k, sub ? remove(x, sub) : x);
    }
    return out;
  }
  if (Array.isArray(v)) {
    const out: Value[] = [];
    v.forEach((x, i) => {
      const sub = t.get(String(i));
      if (sub !== true) out.push(sub ? remove(x, sub) : x);
    });
    return out;
  }
  if (v instanceof RSet) {
    const out = new RSet();
    for (const x of v.values()) {
      const sub = t.get(keyText(x));
      if (sub !== true) out.add(sub ? remove(x, sub) : x);
    }
    return out;
  }
  return v;
}

register("json.filter", 2, ([o, p]) => {
  if (!(o instanceof RObject)) throw typeErr(1, "object", o!);
  return filter(o, tree(pathsOf(p!, "json.filter")));
});
register("json.remove", 2, ([o, p]) => {
  if (!(o instanceof RObject)) throw typeErr(1, "object", o!);
  return remove(o, tree(pathsOf(p!, "json.remove")));
});

function segs(p: Value): Value[] {
  if (typeof p === "string") return pointer(p);
  if (Array.isArray(p)) return p;
  throw new BuiltinError("invalid patch path");
}

function setAt(
  doc: Value,
  path: Value[],
  val: Value,
  mode: "add" | "replace",
): Value | undefined {
  if (path.length === 0) return val;
  const [k, ...rest] = path;
  if (doc instanceof RObject) {
    const key = k!;
    const cur = doc.get(key);
    if (rest.length === 0) {
      if (mode === "replace" && cur === undefined) return undefined;
      return doc.clone().set(key, val);
    }
    if (cur === undefined) return undefined;
    const next = setAt(cur, rest, val, mode);
    return next === undefined ? undefined : doc.clone().set(key, next);
  }
  if (Array.isArray(doc)) {
    const idx = k === "-" ? doc.length : Number(k);
    if (!Number.isInteger(idx) || idx < 0) return undefined;
    if (rest.length === 0) {
      if (mode === "add")
        return idx > doc.length
          ? undefined
          : [...doc.slice(0, idx), val, ...doc.slice(idx)];
      return idx >= doc.length
        ? undefined
        : doc.map((x, i) => (i === idx ? val : x));
    }
    if (idx >= doc.length) return undefined;
    const next = setAt(doc[idx]!, rest, val, mode);
    return next === undefined
      ? undefined
      : doc.map((x, i) => (i === idx ? next : x));
  }
  if (doc instanceof RSet) {
    if (rest.length === 0) {
      if (mode !== "add" || !equal(k!, val)) return undefined;
      return doc.clone().add(val);
    }
    if (!doc.has(k!)) return undefined;
    const next = setAt(k!, rest, val, mode);
    if (next === undefined) return undefined;
    const s = doc.clone();
    s.delete(k!);
    return s.add(next);
  }
  return undefined;
}

function removeAt(doc: Value, path: Value[]): Value | undefined {
  if (path.length === 0) return undefined;
  const [k, ...rest] = path;
  if (doc instanceof RObject) {
    const cur = doc.get(k!);
    if (cur === undefined) return undefined;
    if (!rest.length) {
      const o = doc.clone();
      o.delete(k!);
      return o;
    }
    const next = removeAt(cur, rest);
    return next === undefined ? undefined : doc.clone().set(k!, next);
  }
  if (Array.isArray(doc)) {
    const idx = Number(k);
    if (!Number.isInteger(idx) || idx < 0 || idx >= doc.length)
      return undefined;
    if (!rest.length) return doc.filter((_x, i) => i !== idx);
    const next = removeAt(doc[idx]!, rest);
    return next === undefined
      ? undefined
      : doc.map((x, i) => (i === idx ? next : x));
  }
  if (doc instanceof RSet && !rest.length && doc.has(k!)) {
    const s = doc.clone();
    s.delete(k!);
    return s;
  }
  return undefined;
}

function getAt(doc: Value, path: Value[]): Value | undefined {
  let cur: Value | undefined = doc;
  for (const k of path) {
    if (cur === undefined) return undefined;
    cur = getChild(cur, Array.isArray(cur) ? Number(k) : k);
  }
  return cur;
}

function applyOp(doc: Value, op: Value): Value | undefined {
  if (!(op instanceof RObject)) return undefined;
  const kind = op.get("op");
  const path = segs(op.get("path") ?? "");
  switch (kind) {
    case "add":
      return setAt(doc, path, op.get("value") ?? null, "add");
    case "replace":
      return setAt(doc, path, op.get("value") ?? null, "replace");
    case "remove":
      return removeAt(doc, path);
    case "test": {
      const cur = getAt(doc, path);
      return cur !== undefined && equal(cur, op.get("value") ?? null)
        ? doc
        : undefined;
    }
    case "move":
    case "copy": {
      const from = segs(op.get("from") ?? "");
      const v = getAt(doc, from);
      if (v === undefined) return undefined;
      const base = kind === "move" ? removeAt(doc, from) : doc;
      return base === undefined ? undefined : setAt(base, path, v, "add");
    }
  }
  return undefined;
}

register("json.patch", 2, ([d, ps]) => {
  if (!Array.isArray(ps)) throw typeErr(2, "array", ps!);
  let doc: Value | undefined = d!;
  for (const op of ps) {
    doc = applyOp(doc, op);
    if (doc === undefined) return undefined;
  }
  return doc;
});
