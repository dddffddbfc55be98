import { BuiltinError } from "./registry.js";

/** Go's named layouts. */
export const LAYOUTS: Record<string, string> = {
  ANSIC: "Mon Jan _2 15:04:05 2006",
  UnixDate: "Mon Jan _2 15:04:05 MST 2006",
  RubyDate: "Mon Jan 02 15:04:05 -0700 2006",
  RFC822: "02 Jan 06 15:04 MST",
  RFC822Z: "02 Jan 06 15:04 -0700",
  RFC850: "Monday, 02-Jan-06 15:04:05 MST",
  RFC1123: "Mon, 02 Jan 2006 15:04:05 MST",
  RFC1123Z: "Mon, 02 Jan 2006 15:04:05 -0700",
  RFC3339: "2006-01-02T15:04:05Z07:00",
  RFC3339Nano: "2006-01-02T15:04:05.999999999Z07:00",
  Kitchen: "3:04PM",
  Stamp: "Jan _2 15:04:05",
  DateTime: "2006-01-02 15:04:05",
  DateOnly: "2006-01-02",
  TimeOnly: "15:04:05",
};

const TOKENS = [
  "January",
  "Jan",
  "Monday",
  "Mon",
  "MST",
  "2006",
  "002",
  "01",
  "02",
  "03",
  "04",
  "05",
  "06",
  "15",
  "_2",
  "1",
  "2",
  "3",
  "4",
  "5",
  "PM",
  "pm",
  "Z07:00:00",
  "Z070000",
  "Z07:00",
  "Z0700",
  "Z07",
  "-07:00:00",
  "-070000",
  "-07:00",
  "-0700",
  "-07",
];

/** Splits a Go layout into literal text and tokens. */
export function tokenize(layout: string): string[] {
  const out: string[] = [];
  let lit = "";
  for (let i = 0; i < layout.length;) {
    const frac = /^[.,](0+|9+)(?!\d)/.exec(layout.slice(i));
    if (frac && /5$/.test(layout.slice(0, i))) {
      if (lit) out.push("L" + lit);
      lit = "";
      out.push("F" + frac[0]);
      i += frac[0].length;
      continue;
    }
    const tok = TOKENS.find((t) => layout.startsWith(t, i));
    if (tok) {
      if (lit) out.push("L" + lit);
      lit = "";
      out.push("T" + tok);
      i += tok.length;
    } else lit += layout[i++];
  }
  if (lit) out.push("L" + lit);
  return out;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
];

/** Wall-clock fields for formatting. */
export interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ns: number;
  wd: number;
  offMin: number;
  zone: string;
}

const p2 = (n: number): string => String(n).padStart(2, "0");

function offset(off: number, tok: string): string {
  if (off === 0 && tok.startsWith("Z")) return "Z";
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off);
  const hh = p2(Math.floor(a / 60));
  const mm = p2(a % 60);
  const t = tok.slice(1);
  if (t === "07") return sign + hh;
  if (t === "0700") return sign + hh + mm;
  if (t === "07:00") return `${sign}${hh}:${mm}`;
  if (t === "070000") return sign + hh + mm + "00";
  return `${sign}${hh}:${mm}:00`;
}

function fmtTok(t: string, w: Wall): string {
  switch (t) {
    case "January":
      return MONTHS[w.mo - 1]!;
    case "Jan":
      return MONTHS[w.mo - 1]!.slice(0, 3);
    case "Monday":
      return DAYS[w.wd]!;
    case "Mon":
      return DAYS[w.wd]!.slice(0, 3);
    case "MST":
      return w.zone;
    case "2006":
      return String(w.y).padStart(4, "0");
    case "06":
      return p2(w.y % 100);
    case "01":
      return p2(w.mo);
    case "1":
      return String(w.mo);
    case "02":
      return p2(w.d);
    case "_2":
      return String(w.d).padStart(2, " ");
    case "2":
      return String(w.d);
    case "002":
      return String(dayOfYear(w)).padStart(3, "0");
    case "15":
      return p2(w.h);
    case "03":
      return p2(w.h % 12 || 12);
    case "3":
      return String(w.h % 12 || 12);
    case "04":
      return p2(w.mi);
    case "4":
      return String(w.mi);
    case "05":
      return p2(w.s);
    case "5":
      return String(w.s);
    case "PM":
      return w.h >= 12 ? "PM" : "AM";
    case "pm":
      return w.h >= 12 ? "pm" : "am";
    default:
      return offset(w.offMin, t);
  }
}

function dayOfYear(w: Wall): number {
  return (
    Math.round(
      (Date.UTC(w.y, w.mo - 1, w.d) - Date.UTC(w.y, 0, 1)) / 86400000,
    ) + 1
  );
}

/** Formats wall fields with a Go layout. */
export function goFormat(layout: string, w: Wall): string {
  return tokenize(LAYOUTS[layout] ?? layout)
    .map((t) => {
      if (t[0] === "L") return t.slice(1);
      if (t[0] === "T") return fmtTok(t.slice(1), w);
      const digits = t.length - 2;
      const frac = String(w.ns).padStart(9, "0").slice(0, digits);
      if (t[2] === "0") return t[1] + frac;
      const trimmed = frac.replace(/0+$/, "");
      return trimmed ? t[1] + trimmed : "";
    })
    .join("");
}

const PAT: Record<string, string> = {
  January:
    "(January|February|March|April|May|June|July|August|September|October|November|December)",
  Jan: "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
  Monday: "(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)",
  Mon: "(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)",
  MST: "([A-Z]{3,5}|[+-]\\d{2,4})",
  "2006": "(\\d{4})",
  "06": "(\\d{2})",
  "01": "(\\d{2})",
  "1": "(\\d{1,2})",
  "02": "(\\d{2})",
  _2: " ?(\\d{1,2})",
  "2": "(\\d{1,2})",
  "002": "(\\d{3})",
  "15": "(\\d{1,2})",
  "03": "(\\d{2})",
  "3": "(\\d{1,2})",
  "04": "(\\d{2})",
  "4": "(\\d{1,2})",
  "05": "(\\d{2})",
  "5": "(\\d{1,2})",
  PM: "(AM|PM)",
  pm: "(am|pm)",
};

/** Parses a value with a Go layout into ns since the epoch (bigint). */
export function goParse(layout: string, value: string): bigint {
  const toks = tokenize(LAYOUTS[layout] ?? layout);
  let re = "^";
  const kinds: string[] = [];
  for (const t of toks) {
    if (t[0] === "L") re += t.slice(1).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (t[0] === "F") {
      re += "(?:[.,](\\d+))?";
      kinds.push("frac");
    } else {
      const k = t.slice(1);
      const pat =
        PAT[k] ??
        (k.startsWith("Z")
          ? "(Z|[+-]\\d{2}(?::?\\d{2}(?::?\\d{2})?)?)"
          : "([+-]\\d{2}(?::?\\d{2}(?::?\\d{2})?)?)");
      re += pat;
      if (!pat.startsWith("(?:")) kinds.push(k);
    }
    if (
      t[0] === "T" &&
      /^(05|5)$/.test(t.slice(1)) &&
      !toks.some((x) => x[0] === "F")
    ) {
      re += "(?:[.,](\\d+))?";
      kinds.push("frac");
    }
  }
  const m = new RegExp(re + "$").exec(value);
  if (!m)
    throw new BuiltinError(
      `parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse`,
    );
  const f = { y: 1, mo: 1, d: 1, h: 0, mi: 0, s: 0, frac: "", pm: "", off: 0 };
  kinds.forEach((k, i) => assign(f, k, m[i + 1]));
  let h = f.h;
  if (f.pm) h = (h % 12) + (f.pm.toLowerCase() === "pm" ? 12 : 0);
  const ms = Date.UTC(f.y, f.mo - 1, f.d, h, f.mi, f.s) - (f.y < 100 ? 0 : 0);
  const base =
    BigInt(ms) * 1000000n + BigInt((f.frac || "0").padEnd(9, "0").slice(0, 9));
  return base - BigInt(f.off) * 60000000000n;
}

function assign(
  f: {
    y: number;
    mo: number;
    d: number;
    h: number;
    mi: number;
    s: number;
    frac: string;
    pm: string;
    off: number;
  },
  k: string,
  v: string | undefined,
): void {
  if (v === undefined) return;
  if (k === "2006") f.y = Number(v);
  else if (k === "06") f.y = Number(v) + (Number(v) >= 69 ? 1900 : 2000);
  else if (k === "January" || k === "Jan")
    f.mo = MONTHS.findIndex((x) => x.startsWith(v)) + 1;
  else if (k === "01" || k === "1") f.mo = Number(v);
  else if (k === "02" || k === "_2" || k === "2") f.d = Number(v);
  else if (k === "15" || k === "03" || k === "3") f.h = Number(v);
  else if (k === "04" || k === "4") f.mi = Number(v);
  else if (k === "05" || k === "5") f.s = Number(v);
  else if (k === "frac") f.frac = v;
  else if (k === "PM" || k === "pm") f.pm = v;
  else if (k.startsWith("Z") || k.startsWith("-")) {
    if (v === "Z") return;
    const d = v.replace(/:/g, "");
    const sign = d[0] === "-" ? -1 : 1;
    f.off = sign * (Number(d.slice(1, 3)) * 60 + Number(d.slice(3, 5) || 0));
  }
}
