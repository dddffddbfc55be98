import { normNum } from "../convert.js";
import { RObject, RSet, type Value } from "../value.js";
import { big, isInt, num, type Num } from "./num.js";
import { BuiltinError, register, typeErr } from "./registry.js";

const n1 = (name: string, f: (n: Num) => Num): void =>
  register(name, 1, ([a]) => f(num(a!, 1)));
n1("abs", (n) => (typeof n === "bigint" ? (n < 0n ? -n : n) : Math.abs(n)));
n1("round", (n) =>
  typeof n === "bigint" ? n : normNum(Math.sign(n) * Math.round(Math.abs(n))),
);
n1("ceil", (n) => (typeof n === "bigint" ? n : normNum(Math.ceil(n))));
n1("floor", (n) => (typeof n === "bigint" ? n : normNum(Math.floor(n))));

function int(v: Value, pos: number): bigint {
  const n = num(v, pos);
  if (!isInt(n))
    throw new BuiltinError(
      `operand ${pos} must be integer number but got floating-point number`,
      "eval_type_error",
    );
  return big(n);
}
const b2 = (name: string, f: (a: bigint, b: bigint) => bigint): void =>
  register(name, 2, ([a, b]) => normNum(f(int(a!, 1), int(b!, 2))));
b2("bits.and", (a, b) => a & b);
b2("bits.or", (a, b) => a | b);
b2("bits.xor", (a, b) => a ^ b);
b2("bits.lsh", (a, b) => {
  if (b < 0n)
    throw new BuiltinError(
      "operand 2 must be an unsigned integer number but got a negative integer",
      "eval_type_error",
    );
  return a << b;
});
b2("bits.rsh", (a, b) => {
  if (b < 0n)
    throw new BuiltinError(
      "operand 2 must be an unsigned integer number but got a negative integer",
      "eval_type_error",
    );
  return a >> b;
});
register("bits.negate", 1, ([a]) => normNum(~int(a!, 1)));

register("rand.intn", 2, ([s, n], ctx) => {
  if (typeof s !== "string") throw typeErr(1, "string", s!);
  const max = Number(num(n!, 2));
  const key = `rand.intn:${s}:${max}`;
  const hit = ctx.memo.get(key);
  if (hit !== undefined) return hit;
  const v = max === 0 ? 0 : Math.floor(Math.random() * Math.abs(max));
  ctx.memo.set(key, v);
  return v;
});

export { RObject, RSet };
