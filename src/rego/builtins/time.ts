import { normNum } from "../convert.js";
import { type Value } from "../value.js";
import { nowNs } from "./jwt.js";
import { isNum } from "./num.js";
import { BuiltinError, register, typeErr } from "./registry.js";
import { str } from "./strings.js";
import { goFormat, goParse, type Wall } from "./goTime.js";

const MIN_NS = -9223372036854775808n;
const MAX_NS = 9223372036854775807n;

register("time.now_ns", 0, (_a, ctx) => nowNs(ctx.memo));

function checkRange(ns: bigint): Value {
  if (ns < MIN_NS || ns > MAX_NS)
    throw new BuiltinError("time outside of valid range");
  return normNum(ns);
}

/** Parses RFC 3339 into ns since the epoch. */
export function parseRFC3339(s: string): bigint {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/.exec(
      s,
    );
  if (!m)
    throw new BuiltinError(
      `parsing time ${JSON.stringify(s)} as "2006-01-02T15:04:05Z07:00": cannot parse`,
    );
  const [, y, mo, d, h, mi, se, frac = "", tz] = m;
  const ms = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(se),
  );
  let ns = BigInt(ms) * 1000000n + BigInt(frac.padEnd(9, "0"));
  if (Number(y) < 100) ns = BigInt(Date.UTC(2000, 0, 1)) * 0n + ns;
  if (tz && tz.toUpperCase() !== "Z") {
    const sign = tz[0] === "-" ? -1n : 1n;
    const off =
      BigInt(Number(tz.slice(1, 3)) * 3600 + Number(tz.slice(4, 6)) * 60) *
      1000000000n;
    ns -= sign * off;
  }
  return ns;
}

register("time.parse_rfc3339_ns", 1, ([s]) =>
  checkRange(parseRFC3339(str(s!, 1))),
);

const UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};
register("time.parse_duration_ns", 1, ([s]) => {
  const v = str(s!, 1);
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(
    v,
  );
  if (!m && v !== "0")
    throw new BuiltinError(`time: invalid duration ${JSON.stringify(v)}`);
  if (v === "0") return 0;
  let total = 0;
  for (const [, n, u] of v.matchAll(
    /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g,
  ))
    total += Number(n) * UNITS[u!]!;
  return normNum(BigInt(Math.round(m![1] === "-" ? -total : total)));
});

function exactNs(v: Value): bigint {
  const ns = typeof v === "bigint" ? v : BigInt(Math.trunc(v as number));
  if (ns < MIN_NS || ns > MAX_NS) throw new BuiltinError("timestamp too big");
  return ns;
}

function nsArg(v: Value): { ns: bigint; tz: string } {
  if (isNum(v)) return { ns: exactNs(v), tz: "UTC" };
  if (Array.isArray(v) && isNum(v[0]!))
    return {
      ns: exactNs(v[0]),
      tz: typeof v[1] === "string" && v[1] !== "" ? v[1] : "UTC",
    };
  throw typeErr(1, "one of {number, array}", v);
}

/** Wall-clock fields of a time in a zone. */
function fields(
  ns: bigint,
  tz: string,
): {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  wd: number;
} {
  const ms = Number(ns / 1000000n) - (ns < 0n && ns % 1000000n !== 0n ? 1 : 0);
  const date = new Date(ms);
  if (tz === "UTC" || tz === "") {
    return {
      y: date.getUTCFullYear(),
      mo: date.getUTCMonth() + 1,
      d: date.getUTCDate(),
      h: date.getUTCHours(),
      mi: date.getUTCMinutes(),
      s: date.getUTCSeconds(),
      wd: date.getUTCDay(),
    };
  }
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: tz === "Local" ? undefined : tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
  } catch (e) {
    throw new BuiltinError(
      `unknown time zone ${tz}`,
      "eval_builtin_error",
      false,
      e,
    );
  }
  const p = Object.fromEntries(
    fmt.formatToParts(date).map((x) => [x.type, x.value]),
  );
  const wd = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(
    p.weekday ?? "",
  );
  return {
    y: Number(p.year),
    mo: Number(p.month),
    d: Number(p.day),
    h: Number(p.hour),
    mi: Number(p.minute),
    s: Number(p.second),
    wd,
  };
}

function guardRange(ns: bigint): void {
  if (ns < MIN_NS || ns > MAX_NS) throw new BuiltinError("timestamp too big");
}

register("time.date", 1, ([v]) => {
  const { ns, tz } = nsArg(v!);
  const f = fields(ns, tz);
  return [f.y, f.mo, f.d];
});
register("time.clock", 1, ([v]) => {
  const { ns, tz } = nsArg(v!);
  const f = fields(ns, tz);
  return [f.h, f.mi, f.s];
});
const DAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
];
register("time.weekday", 1, ([v]) => {
  const { ns, tz } = nsArg(v!);
  return DAYS[fields(ns, tz).wd]!;
});
register("time.add_date", 4, ([t, y, m, d]) => {
  const ns = exactNs(t!);
  guardRange(ns);
  const ms = Number(ns / 1000000n);
  const rem = ns % 1000000n;
  const date = new Date(ms);
  date.setUTCFullYear(
    date.getUTCFullYear() + Number(y),
    date.getUTCMonth() + Number(m),
    date.getUTCDate() + Number(d),
  );
  const out = BigInt(date.getTime()) * 1000000n + rem;
  if (out < MIN_NS || out > MAX_NS)
    throw new BuiltinError("time outside of valid range");
  return normNum(out);
});
register("time.diff", 2, ([a, b]) => {
  const x = nsArg(a!);
  const y = nsArg(b!);
  let [p, q] = [fields(x.ns, x.tz), fields(y.ns, x.tz)];
  if (x.ns > y.ns) [p, q] = [q, p];
  let yr = q.y - p.y;
  let mo = q.mo - p.mo;
  let dd = q.d - p.d;
  let hh = q.h - p.h;
  let mi = q.mi - p.mi;
  let ss = q.s - p.s;
  if (ss < 0) {
    ss += 60;
    mi--;
  }
  if (mi < 0) {
    mi += 60;
    hh--;
  }
  if (hh < 0) {
    hh += 24;
    dd--;
  }
  if (dd < 0) {
    dd += new Date(Date.UTC(p.y, p.mo, 0)).getUTCDate();
    mo--;
  }
  if (mo < 0) {
    mo += 12;
    yr--;
  }
  return [yr, mo, dd, hh, mi, ss];
});

register("time.parse_ns", 2, ([l, v]) =>
  checkRange(goParse(str(l!, 1), str(v!, 2))),
);

register("time.format", 1, ([v]) => {
  const { ns, tz } = nsArg(v!);
  const layout =
    Array.isArray(v) && typeof v[2] === "string" ? v[2] : "RFC3339Nano";
  const f = fields(ns, tz);
  const sec = ns / 1000000000n - (ns < 0n && ns % 1000000000n !== 0n ? 1n : 0n);
  const frac = Number(ns - sec * 1000000000n);
  const wallSec = Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s) / 1000;
  const offMin = Math.round((wallSec - Number(sec)) / 60);
  const wall: Wall = {
    ...f,
    ns: frac,
    offMin,
    zone: tz === "UTC" ? "UTC" : tz,
  };
  return goFormat(layout, wall);
});
