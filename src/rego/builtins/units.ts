import { normNum } from "../convert.js";
import { BuiltinError, register } from "./registry.js";
import { str } from "./strings.js";

const DEC: Record<string, bigint> = {
  k: 10n ** 3n,
  m: 10n ** 6n,
  g: 10n ** 9n,
  t: 10n ** 12n,
  p: 10n ** 15n,
  e: 10n ** 18n,
};
const BIN: Record<string, bigint> = {
  ki: 1n << 10n,
  mi: 1n << 20n,
  gi: 1n << 30n,
  ti: 1n << 40n,
  pi: 1n << 50n,
  ei: 1n << 60n,
};

interface Ratio {
  num: bigint;
  den: bigint;
}

function parseDecimal(s: string): Ratio | undefined {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) return undefined;
  const frac = m[2] ?? "";
  return { num: BigInt((m[1] || "0") + frac), den: 10n ** BigInt(frac.length) };
}

function toNumber(r: Ratio): number | bigint {
  if (r.num % r.den === 0n) return normNum(r.num / r.den);
  return Number(r.num) / Number(r.den);
}

function split(raw: string, name: string, what: string): [Ratio, string] {
  const s = raw.replace(/"/g, "");
  if (/\s/.test(s))
    throw new BuiltinError("spaces not allowed in resource strings");
  const m = /^([0-9.]*)((?:[eE][-+]?\d+)?)(.*)$/.exec(s)!;
  if (m[1] === "") throw new BuiltinError(`no ${what}amount provided`);
  const n = parseDecimal(m[1]!);
  if (!n) throw new BuiltinError(`could not parse ${what}amount to a number`);
  void name;
  if (m[2]) {
    const e = Number(m[2].slice(1));
    if (e >= 0) n.num *= 10n ** BigInt(e);
    else n.den *= 10n ** BigInt(-e);
  }
  return [n, m[3]!];
}

register("units.parse", 1, ([v]) => {
  const [n, suffix] = split(str(v!, 1), "units.parse", "");
  if (suffix === "") return toNumber(n);
  if (suffix === "m") return toNumber({ num: n.num, den: n.den * 1000n });
  const low = suffix.toLowerCase();
  const f = DEC[low] ?? BIN[low];
  if (f === undefined)
    throw new BuiltinError(`could not parse amount to a number`);
  return toNumber({ num: n.num * f, den: n.den });
});

register("units.parse_bytes", 1, ([v]) => {
  const [n, suffix] = split(str(v!, 1), "units.parse_bytes", "byte ");
  let low = suffix.toLowerCase();
  if (low.endsWith("b")) low = low.slice(0, -1);
  const f = low === "" ? 1n : (DEC[low] ?? BIN[low]);
  if (f === undefined)
    throw new BuiltinError(`byte unit ${suffix} not recognized`);
  const num = n.num * f;
  return normNum(num / n.den);
});
