import { normNum } from "../convert.js";
import { BuiltinError, typeErr } from "./registry.js";
import type { Value } from "../value.js";

/** A Rego number. */
export type Num = number | bigint;

/** True when v is a number. */
export function isNum(v: Value): v is Num {
  return typeof v === "number" || typeof v === "bigint";
}

/** Checks operand `pos` is a number. */
export function num(v: Value, pos: number): Num {
  if (!isNum(v)) throw typeErr(pos, "number", v);
  return v;
}

/** True when n is an integer value. */
export function isInt(n: Num): boolean {
  return typeof n === "bigint" || Number.isInteger(n);
}

/** Converts an integer-valued number to bigint. */
export function big(n: Num): bigint {
  return typeof n === "bigint" ? n : BigInt(n);
}

function float(n: Num): number {
  return Number(n);
}

/** Adds, subtracts or multiplies exactly when both are integers. */
export function arith(a: Num, b: Num, op: "+" | "-" | "*"): Num {
  if (isInt(a) && isInt(b)) {
    if (typeof a === "number" && typeof b === "number") {
      const r = op === "+" ? a + b : op === "-" ? a - b : a * b;
      if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
    }
    const x = big(a);
    const y = big(b);
    return normNum(op === "+" ? x + y : op === "-" ? x - y : x * y);
  }
  const x = float(a);
  const y = float(b);
  return fix(op === "+" ? x + y : op === "-" ? x - y : x * y);
}

/** Rounds float noise the way OPA's big.Float arithmetic hides it. */
function fix(r: number): number {
  if (!Number.isFinite(r))
    throw new BuiltinError("arithmetic result out of range");
  const s = Number(r.toPrecision(15));
  return Object.is(s, -0) ? 0 : s;
}

/** Division (`/`). */
export function divide(a: Num, b: Num): Num {
  if (Number(b) === 0 && (typeof b !== "bigint" || b === 0n))
    throw new BuiltinError("divide by zero");
  if (isInt(a) && isInt(b)) {
    const x = big(a);
    const y = big(b);
    if (x % y === 0n) return normNum(x / y);
  }
  return fix(float(a) / float(b));
}

/** Remainder (`%`), integers only. */
export function remainder(a: Num, b: Num): Num {
  if (!isInt(a) || !isInt(b))
    throw new BuiltinError("modulo on floating-point number");
  if (big(b) === 0n) throw new BuiltinError("modulo by zero");
  return normNum(big(a) % big(b));
}
