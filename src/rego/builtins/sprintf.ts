import { RObject, RSet, typeName, type Value } from "../value.js";
import { formatValue } from "./formatValue.js";
import { register, typeErr } from "./registry.js";

/** Go's shortest %v / %g rendering of a float64. */
export function goFloat(f: number, verb = "g", prec = -1): string {
  if (Number.isNaN(f)) return "NaN";
  if (!Number.isFinite(f)) return f > 0 ? "+Inf" : "-Inf";
  if (verb === "f" || verb === "F") return f.toFixed(prec < 0 ? 6 : prec);
  if (verb === "e" || verb === "E") {
    const s = goExp(f.toExponential(prec < 0 ? 6 : prec));
    return verb === "E" ? s.toUpperCase() : s;
  }
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const e =
    prec < 0 ? f.toExponential() : f.toExponential(Math.max(prec, 1) - 1);
  const [mant, ex] = e.split("e");
  const exp = Number(ex);
  const nd = mant!.replace(/[-.]/g, "").length;
  let eprec = prec < 0 ? 6 : Math.max(prec, 1);
  if (prec < 0 && eprec > nd && nd >= exp + 1) eprec = nd;
  if (prec < 0 && exp < 21 && exp >= eprec && nd > eprec) eprec = 21;
  if (exp < -4 || exp >= eprec) return goExp(e);
  return prec < 0 ? String(f) : String(Number(e));
}

function goExp(s: string): string {
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

function vText(v: Value): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" && !Number.isInteger(v)) return goFloat(v);
  return formatValue(v);
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + " ".repeat(width - s.length);
  if (zero) {
    const sign = /^[+-]/.test(s) ? s[0]! : "";
    return sign + "0".repeat(width - s.length) + s.slice(sign.length);
  }
  return " ".repeat(width - s.length) + s;
}

function intText(v: Value, radix: number): string | undefined {
  if (typeof v === "bigint") return v.toString(radix);
  if (typeof v === "number" && Number.isInteger(v)) return v.toString(radix);
  return undefined;
}

interface Spec {
  flags: string;
  prec: number;
  verb: string;
}

function goTypeName(v: Value): string {
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float64";
  if (typeof v === "bigint") return "*big.Int";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  return "ast." + typeName(v);
}

function signed(s: string, plus: boolean): string {
  return plus && !s.startsWith("-") ? "+" + s : s;
}

function one(v: Value, sp: Spec): string {
  const { verb, prec, flags } = sp;
  const plus = flags.includes("+");
  switch (verb) {
    case "v":
      return vText(v);
    case "s":
      return typeof v === "string"
        ? prec >= 0
          ? v.slice(0, prec)
          : v
        : vText(v);
    case "q":
      return typeof v === "string"
        ? JSON.stringify(v)
        : `%!q(${goTypeName(v)}=${vText(v)})`;
    case "t":
      return typeof v === "boolean"
        ? String(v)
        : `%!t(${goTypeName(v)}=${vText(v)})`;
    case "d": {
      const t = intText(v, 10);
      return t !== undefined
        ? signed(t, plus)
        : `%!d(${goTypeName(v)}=${vText(v)})`;
    }
    case "x":
    case "X":
    case "o":
    case "b": {
      const radix = verb === "o" ? 8 : verb === "b" ? 2 : 16;
      let t = intText(v, radix);
      if (t === undefined && typeof v === "string" && radix === 16)
        t = Buffer.from(v).toString("hex");
      if (t === undefined && typeof v === "number" && radix === 16)
        t = v.toString(16);
      if (t === undefined) return `%!${verb}(${goTypeName(v)}=${vText(v)})`;
      return verb === "X" ? t.toUpperCase() : t;
    }
    case "f":
    case "F":
    case "e":
    case "E":
    case "g":
    case "G":
      if (typeof v === "number" || typeof v === "bigint")
        return signed(
          goFloat(Number(v), verb.toLowerCase() === "g" ? "g" : verb, prec),
          plus,
        );
      return `%!${verb}(${goTypeName(v)}=${vText(v)})`;
    default:
      return `%!${verb}(${goTypeName(v)}=${vText(v)})`;
  }
}

/** One verb of a format string: its flags, width and precision text. */
interface Directive {
  flags: string;
  width: string | undefined;
  prec: string | undefined;
  /** The directive has a `.` (a precision, maybe empty). */
  dot: boolean;
  verb: string;
}

/** A format string split into literal text and directives. */
type Parsed = (string | Directive)[];

const PARSED = new Map<string, Parsed>();

function parseFormat(format: string): Parsed {
  let hit = PARSED.get(format);
  if (hit !== undefined) return hit;
  hit = [];
  const re = /%([-+# 0]*)(\d+|\*)?(?:\.(\d+|\*)?)?([a-zA-Z%])/g;
  let last = 0;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    if (m.index > last) hit.push(format.slice(last, m.index));
    last = re.lastIndex;
    const [, flags = "", width, prec, verb] = m;
    if (verb === "%") hit.push("%");
    else hit.push({ flags, width, prec, dot: m[0].includes("."), verb: verb! });
  }
  if (last < format.length) hit.push(format.slice(last));
  if (PARSED.size >= 1000) PARSED.clear();
  PARSED.set(format, hit);
  return hit;
}

/** Formats like Go's fmt.Sprintf with Rego values. */
export function sprintf(format: string, args: Value[]): string {
  let out = "";
  let ai = 0;
  for (const d of parseFormat(format)) {
    if (typeof d === "string") {
      out += d;
      continue;
    }
    const { flags, width: w, prec: p, verb } = d;
    const width = w === "*" ? Number(args[ai++] ?? 0) : w ? Number(w) : 0;
    const prec =
      p === undefined
        ? d.dot
          ? 0
          : -1
        : p === "*"
          ? Number(args[ai++] ?? 0)
          : Number(p);
    if (ai >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const s = one(args[ai++]!, { flags, prec, verb });
    out += pad(s, width, flags.includes("-"), flags.includes("0"));
  }
  if (ai < args.length)
    out +=
      "%!(EXTRA " +
      args
        .slice(ai)
        .map((a) => `${goTypeName(a)}=${vText(a)}`)
        .join(", ") +
      ")";
  return out;
}

register("sprintf", 2, ([f, a]) => {
  if (typeof f !== "string") throw typeErr(1, "string", f!);
  if (!Array.isArray(a)) throw typeErr(2, "array", a!);
  return sprintf(f, a);
});

export { RObject, RSet };
