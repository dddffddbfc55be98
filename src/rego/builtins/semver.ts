import { register } from "./registry.js";
import { BuiltinError } from "./registry.js";
import { str } from "./strings.js";

const RE =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

interface Ver {
  nums: bigint[];
  pre: string[];
}

function parse(s: string): Ver | undefined {
  const m = RE.exec(s);
  if (!m || s.startsWith("v")) return undefined;
  return {
    nums: [BigInt(m[1]!), BigInt(m[2]!), BigInt(m[3]!)],
    pre: m[4] ? m[4].split(".") : [],
  };
}

function cmpPre(a: string[], b: string[]): number {
  if (!a.length || !b.length)
    return a.length === b.length ? 0 : a.length ? -1 : 1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) {
      const d = BigInt(x) - BigInt(y);
      if (d !== 0n) return d < 0n ? -1 : 1;
    } else if (nx !== ny) return nx ? -1 : 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

register(
  "semver.is_valid",
  1,
  ([v]) => typeof v === "string" && parse(v) !== undefined,
);
register("semver.compare", 2, ([a, b]) => {
  const x = parse(str(a!, 1));
  if (!x)
    throw new BuiltinError(
      `operand 1: string ${JSON.stringify(a)} is not a valid SemVer`,
    );
  const y = parse(str(b!, 2));
  if (!y)
    throw new BuiltinError(
      `operand 2: string ${JSON.stringify(b)} is not a valid SemVer`,
    );
  for (let i = 0; i < 3; i++)
    if (x.nums[i] !== y.nums[i]) return x.nums[i]! < y.nums[i]! ? -1 : 1;
  return cmpPre(x.pre, y.pre);
});
