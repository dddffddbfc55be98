import { compare, RObject, RSet, typeName, type Value } from "../value.js";
import { arith, isNum, type Num } from "./num.js";
import { BuiltinError, register, typeErr } from "./registry.js";

function elems(v: Value, pos: number, want: string): Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof RSet) return [...v.values()];
  throw typeErr(pos, want, v);
}

register("count", 1, ([v]) => {
  if (typeof v === "string") return [...v].length;
  if (Array.isArray(v)) return v.length;
  if (v instanceof RSet || v instanceof RObject) return v.size;
  throw typeErr(1, "one of {array, object, set, string}", v!);
});

function numbers(v: Value): Num[] {
  const xs = elems(v, 1, "one of {array, set}");
  return xs.map((x) => {
    if (!isNum(x)) throw typeErr(1, "array of numbers", v);
    return x;
  });
}
register("sum", 1, ([v]) =>
  numbers(v!).reduce<Num>((a, b) => arith(a, b, "+"), 0),
);
register("product", 1, ([v]) =>
  numbers(v!).reduce<Num>((a, b) => arith(a, b, "*"), 1),
);
register("max", 1, ([v]) => {
  const xs = elems(v!, 1, "one of {array, set}");
  return xs.length
    ? xs.reduce((a, b) => (compare(a, b) >= 0 ? a : b))
    : undefined;
});
register("min", 1, ([v]) => {
  const xs = elems(v!, 1, "one of {array, set}");
  return xs.length
    ? xs.reduce((a, b) => (compare(a, b) <= 0 ? a : b))
    : undefined;
});
register("sort", 1, ([v]) =>
  [...elems(v!, 1, "one of {array, set}")].sort(compare),
);

const isT = (t: string) => (a: Value[]) => typeName(a[0]!) === t;
for (const t of [
  "string",
  "number",
  "boolean",
  "array",
  "set",
  "object",
  "null",
])
  register(`is_${t}`, 1, isT(t));
register("type_name", 1, ([v]) => typeName(v!));

register("array.concat", 2, ([a, b]) => {
  if (!Array.isArray(a)) throw typeErr(1, "array", a!);
  if (!Array.isArray(b)) throw typeErr(2, "array", b!);
  return [...a, ...b];
});
register("array.reverse", 1, ([a]) => {
  if (!Array.isArray(a)) throw typeErr(1, "array", a!);
  return [...a].reverse();
});
register("array.slice", 3, ([a, s, e]) => {
  if (!Array.isArray(a)) throw typeErr(1, "array", a!);
  if (!isNum(s!)) throw typeErr(2, "number", s!);
  if (!isNum(e!)) throw typeErr(3, "number", e!);
  let start = Math.max(0, Math.floor(Number(s)));
  const end = Math.min(a.length, Math.floor(Number(e)));
  if (start > end) start = end;
  return a.slice(start, end);
});
register("array.flatten", 1, ([a]) => {
  if (!Array.isArray(a)) throw typeErr(1, "array", a!);
  const out: Value[] = [];
  for (const x of a) {
    if (Array.isArray(x)) out.push(...x);
    else out.push(x);
  }
  return out;
});

function setOf(v: Value, pos: number): RSet {
  if (!(v instanceof RSet)) throw typeErr(pos, "set", v);
  return v;
}
register("intersection", 1, ([v]) => {
  const sets = [...setOf(v!, 1).values()].map((s) => setOf(s, 1));
  if (!sets.length) return new RSet();
  const out = sets[0]!.clone();
  for (const s of sets.slice(1))
    for (const v of [...out.values()]) if (!s.has(v)) out.delete(v);
  return out;
});
register("union", 1, ([v]) => {
  const out = new RSet();
  for (const s of setOf(v!, 1).values())
    for (const x of setOf(s, 1).values()) out.add(x);
  return out;
});

register("numbers.range", 2, ([a, b]) => range(a!, b!, 1));
register("numbers.range_step", 3, ([a, b, s]) => {
  if (!isNum(s!)) throw typeErr(3, "number", s!);
  if (!Number.isInteger(Number(s)))
    throw new BuiltinError("step must be an integer");
  if (Number(s) <= 0) throw new BuiltinError("step must be a positive integer");
  return range(a!, b!, Number(s));
});
/** Largest range numbers.range builds (a hostile policy must not exhaust
 * memory; OPA has no such cap). */
const MAX_RANGE = 10_000_000;

function range(a: Value, b: Value, step: number): Value[] {
  if (!isNum(a)) throw typeErr(1, "number", a);
  if (!isNum(b)) throw typeErr(2, "number", b);
  if (!Number.isInteger(Number(a)))
    throw new BuiltinError(
      "operand 1 must be integer number but got floating-point number",
      "eval_type_error",
    );
  if (!Number.isInteger(Number(b)))
    throw new BuiltinError(
      "operand 2 must be integer number but got floating-point number",
      "eval_type_error",
    );
  const x = Number(a);
  const y = Number(b);
  if (Math.abs(y - x) / step > MAX_RANGE)
    throw new BuiltinError(`range of more than ${MAX_RANGE} numbers refused`);
  const out: number[] = [];
  if (x <= y) for (let i = x; i <= y; i += step) out.push(i);
  else for (let i = x; i >= y; i -= step) out.push(i);
  return out;
}

// Deprecated (pre-1.0) builtins still used by v0 policies such as older
// Gatekeeper library templates.
register("any", 1, ([v]) =>
  elems(v!, 1, "one of {array, set}").some((x) => x === true),
);
register("all", 1, ([v]) =>
  elems(v!, 1, "one of {array, set}").every((x) => x === true),
);
register("set_diff", 2, ([a, b]) => {
  if (!(a instanceof RSet)) throw typeErr(1, "set", a!);
  if (!(b instanceof RSet)) throw typeErr(2, "set", b!);
  const out = new RSet();
  for (const x of a.values()) if (!b.has(x)) out.add(x);
  return out;
});
