import { compare, equal, RObject, RSet, type Value } from "../value.js";
import { arith, divide, isNum, num, remainder } from "./num.js";
import { register, typeErr } from "./registry.js";

const cmp = (f: (c: number) => boolean) => (a: Value[]) =>
  f(compare(a[0]!, a[1]!));
register("equal", 2, (a) => equal(a[0]!, a[1]!));
register("neq", 2, (a) => !equal(a[0]!, a[1]!));
register(
  "lt",
  2,
  cmp((c) => c < 0),
);
register(
  "gt",
  2,
  cmp((c) => c > 0),
);
register(
  "lte",
  2,
  cmp((c) => c <= 0),
);
register(
  "gte",
  2,
  cmp((c) => c >= 0),
);

register("plus", 2, ([a, b]) => arith(num(a!, 1), num(b!, 2), "+"));
register("mul", 2, ([a, b]) => arith(num(a!, 1), num(b!, 2), "*"));
register("div", 2, ([a, b]) => divide(num(a!, 1), num(b!, 2)));
register("rem", 2, ([a, b]) => remainder(num(a!, 1), num(b!, 2)));
register("minus", 2, ([a, b]) => {
  if (isNum(a!) && isNum(b!)) return arith(a, b, "-");
  if (a instanceof RSet && b instanceof RSet) {
    const out = new RSet();
    for (const v of a.values()) if (!b.has(v)) out.add(v);
    return out;
  }
  if (!isNum(a!) && !(a instanceof RSet))
    throw typeErr(1, "one of {number, set}", a!);
  throw typeErr(2, isNum(a!) ? "number" : "set", b!);
});

function setArg(v: Value, pos: number): RSet {
  if (!(v instanceof RSet)) throw typeErr(pos, "set", v);
  return v;
}
register("and", 2, ([a, b]) => {
  const x = setArg(a!, 1);
  const y = setArg(b!, 2);
  const out = new RSet();
  for (const v of x.values()) if (y.has(v)) out.add(v);
  return out;
});
register("or", 2, ([a, b]) => {
  const out = setArg(a!, 1).clone();
  for (const v of setArg(b!, 2).values()) out.add(v);
  return out;
});

function member(x: Value, coll: Value): boolean {
  if (Array.isArray(coll)) return coll.some((e) => equal(e, x));
  if (coll instanceof RSet) return coll.has(x);
  if (coll instanceof RObject) {
    for (const [, v] of coll.entries()) if (equal(v, x)) return true;
  }
  return false;
}
register("internal.member_2", 2, ([x, c]) => member(x!, c!));
register("internal.member_3", 3, ([k, v, c]) => {
  if (Array.isArray(c))
    return (
      typeof k === "number" &&
      Number.isInteger(k) &&
      k >= 0 &&
      k < c.length &&
      equal(c[k]!, v!)
    );
  if (c instanceof RObject) {
    const x = c.get(k!);
    return x !== undefined && equal(x, v!);
  }
  return false;
});
