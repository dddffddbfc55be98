import { BuiltinError } from "./registry.js";

/** An IP network: address bits, prefix length and family width. */
export interface Net {
  addr: bigint;
  prefix: number;
  bits: 32 | 128;
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (
      !/^\d{1,3}$/.test(p) ||
      Number(p) > 255 ||
      (p.length > 1 && p.startsWith("0"))
    )
      return undefined;
    v = (v << 8n) | BigInt(p);
  }
  return v;
}

function parseV6(s: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return undefined;
  let tail: bigint[] = [];
  let str = s;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const x = parseV4(v4[1]!);
    if (x === undefined) return undefined;
    tail = [x >> 16n, x & 0xffffn];
    str = s.slice(0, -v4[1]!.length) + (s.endsWith("::" + v4[1]) ? "" : "");
    if (str.endsWith(":") && !str.endsWith("::")) str = str.slice(0, -1);
  }
  const halves = str.split("::");
  if (halves.length > 2) return undefined;
  const grp = (h: string): bigint[] | undefined => {
    if (h === "") return [];
    const out: bigint[] = [];
    for (const g of h.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(BigInt("0x" + g));
    }
    return out;
  };
  const a = grp(halves[0]!);
  const b = halves.length === 2 ? grp(halves[1]!) : [];
  if (!a || !b) return undefined;
  const total = a.length + b.length + tail.length;
  if (halves.length === 1 && total !== 8) return undefined;
  if (total > 8 || (halves.length === 2 && total === 8)) return undefined;
  const groups = [
    ...a,
    ...new Array<bigint>(8 - total).fill(0n),
    ...b,
    ...tail,
  ];
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** Parses an IP address (no prefix). */
export function parseIP(s: string): Net | undefined {
  const v4 = parseV4(s);
  if (v4 !== undefined) return { addr: v4, prefix: 32, bits: 32 };
  const v6 = s.includes(":") ? parseV6(s) : undefined;
  if (v6 !== undefined) return { addr: v6, prefix: 128, bits: 128 };
  return undefined;
}

/** Parses a CIDR ("10.0.0.0/8"); the address is masked to the network. */
export function parseCIDR(s: string): Net {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s);
  const ip = m ? parseIP(m[1]!) : undefined;
  if (!m || !ip || Number(m[2]) > ip.bits)
    throw new BuiltinError(`invalid CIDR address: ${s}`);
  const prefix = Number(m[2]);
  return { addr: ip.addr & mask(prefix, ip.bits), prefix, bits: ip.bits };
}

/** Parses a CIDR or a single IP. */
export function parseNet(s: string): Net {
  if (s.includes("/")) return parseCIDR(s);
  const ip = parseIP(s);
  if (!ip) throw new BuiltinError(`invalid IP address: ${s}`);
  return ip;
}

/** The network mask of a prefix. */
export function mask(prefix: number, bits: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefix)) - 1n);
}

/** True when network a contains network b. */
export function contains(a: Net, b: Net): boolean {
  if (a.bits !== b.bits || b.prefix < a.prefix) return false;
  return (b.addr & mask(a.prefix, a.bits)) === a.addr;
}

/** Formats an address. */
export function formatIP(addr: bigint, bits: number): string {
  if (bits === 32)
    return [24n, 16n, 8n, 0n].map((s) => String((addr >> s) & 255n)).join(".");
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--)
    groups.push(((addr >> BigInt(i * 16)) & 0xffffn).toString(16));
  let best = -1;
  let len = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === "0") j++;
    if (j - i > len && j - i > 1) {
      best = i;
      len = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(":");
  return (
    groups.slice(0, best).join(":") + "::" + groups.slice(best + len).join(":")
  );
}
