import { RObject, RSet, type Value } from "../value.js";
import {
  contains,
  formatIP,
  mask,
  parseCIDR,
  parseIP,
  parseNet,
  type Net,
} from "./ip.js";
import { BuiltinError, register, typeErr } from "./registry.js";
import { str } from "./strings.js";

register("net.cidr_contains", 2, ([a, b]) =>
  contains(parseCIDR(str(a!, 1)), parseNet(str(b!, 2))),
);
register("net.cidr_intersects", 2, ([a, b]) => {
  const x = parseCIDR(str(a!, 1));
  const y = parseCIDR(str(b!, 2));
  return contains(x, y) || contains(y, x);
});
register("net.cidr_overlap", 2, ([a, b]) =>
  contains(parseCIDR(str(a!, 1)), parseNet(str(b!, 2))),
);
register("net.cidr_is_valid", 1, ([a]) => {
  if (typeof a !== "string") return false;
  try {
    parseCIDR(a);
    return true;
  } catch {
    return false;
  }
});
register("net.cidr_expand", 1, ([a]) => {
  const n = parseCIDR(str(a!, 1));
  const size = 1n << BigInt(n.bits - n.prefix);
  if (size > 65536n) throw new BuiltinError("CIDR too large to expand");
  const out = new RSet();
  for (let i = 0n; i < size; i++) out.add(formatIP(n.addr + i, n.bits));
  return out;
});

function entries(v: Value, pos: number): [Value, string][] {
  if (typeof v === "string") return [[v, v]];
  const pick = (k: Value, x: Value): [Value, string] => {
    if (typeof x === "string") return [k, x];
    if (Array.isArray(x) && typeof x[0] === "string") return [k, x[0]];
    throw new BuiltinError(
      `operand ${pos}: element must be string or non-empty array`,
    );
  };
  if (Array.isArray(v)) return v.map((x, i) => pick(i, x));
  if (v instanceof RSet) return [...v.values()].map((x) => pick(x, x));
  if (v instanceof RObject) return [...v.entries()].map(([k, x]) => pick(k, x));
  throw typeErr(pos, "one of {string, array, set, object}", v);
}

register("net.cidr_contains_matches", 2, ([a, b]) => {
  const xs = entries(a!, 1);
  const ys = entries(b!, 2);
  const out = new RSet();
  for (const [k1, c] of xs) {
    const n = parseCIDR(c);
    for (const [k2, d] of ys) if (contains(n, parseNet(d))) out.add([k1, k2]);
  }
  return out;
});

function toNet(s: string): Net {
  if (s.includes("/")) return parseCIDR(s);
  const ip = parseIP(s);
  if (!ip) throw new BuiltinError(`invalid IP address: ${s}`);
  if (ip.bits === 128)
    throw new BuiltinError("IPv6 invalid: needs prefix length");
  const first = Number(ip.addr >> 24n);
  const prefix = first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : 32;
  return { addr: ip.addr & mask(prefix, 32), prefix, bits: 32 };
}

register("net.cidr_merge", 1, ([a]) => {
  const xs = Array.isArray(a) ? a : a instanceof RSet ? [...a.values()] : null;
  if (!xs) throw typeErr(1, "one of {array, set}", a!);
  const nets = xs.map((x) => toNet(str(x, 1)));
  const out = new RSet();
  for (const bits of [32, 128] as const) {
    for (const n of merge(nets.filter((n) => n.bits === bits)))
      out.add(`${formatIP(n.addr, bits)}/${n.prefix}`);
  }
  return out;
});

function merge(nets: Net[]): Net[] {
  let list = nets.filter(
    (n) =>
      !nets.some(
        (m) =>
          m !== n &&
          contains(m, n) &&
          !(m.prefix === n.prefix && nets.indexOf(m) > nets.indexOf(n)),
      ),
  );
  let changed = true;
  while (changed) {
    changed = false;
    list.sort((x, y) =>
      x.addr < y.addr ? -1 : x.addr > y.addr ? 1 : x.prefix - y.prefix,
    );
    const next: Net[] = [];
    for (const n of list) {
      const prev = next[next.length - 1];
      if (prev && contains(prev, n)) {
        changed = true;
        continue;
      }
      if (prev && prev.prefix === n.prefix && prev.prefix > 0) {
        const parent = prev.prefix - 1;
        const m = mask(parent, n.bits);
        if ((prev.addr & m) === (n.addr & m) && prev.addr !== n.addr) {
          next[next.length - 1] = {
            addr: prev.addr & m,
            prefix: parent,
            bits: n.bits,
          };
          changed = true;
          continue;
        }
      }
      next.push(n);
    }
    list = next;
  }
  return list;
}
