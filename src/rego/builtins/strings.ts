import { normNum } from "../convert.js";
import { RObject, RSet, typeName, type Value } from "../value.js";
import { isNum } from "./num.js";
import { parseNumber } from "../parser/parseNumber.js";
import { BuiltinError, register, typeErr } from "./registry.js";

/** Checks operand `pos` is a string. */
export function str(v: Value, pos: number): string {
  if (typeof v !== "string") throw typeErr(pos, "string", v);
  return v;
}

const s1 = (name: string, f: (s: string) => Value): void =>
  register(name, 1, ([a]) => f(str(a!, 1)));
const s2 = (name: string, f: (a: string, b: string) => Value): void =>
  register(name, 2, ([a, b]) => f(str(a!, 1), str(b!, 2)));

s1("lower", (s) => s.toLowerCase());
s1("upper", (s) => s.toUpperCase());
s1("trim_space", (s) =>
  s.replace(/^[\s\u0085\u00a0]+|[\s\u0085\u00a0]+$/gu, ""),
);
s1("strings.reverse", (s) => [...s].reverse().join(""));
s2("contains", (a, b) => a.includes(b));
s2("startswith", (a, b) => a.startsWith(b));
s2("endswith", (a, b) => a.endsWith(b));
s2("split", (a, b) => (b === "" ? [...a] : a.split(b)));
s2("trim_prefix", (a, b) => (a.startsWith(b) ? a.slice(b.length) : a));
s2("trim_suffix", (a, b) =>
  b && a.endsWith(b) ? a.slice(0, a.length - b.length) : a,
);
s2("strings.count", (a, b) =>
  b === "" ? [...a].length + 1 : a.split(b).length - 1,
);
s2("indexof", (a, b) => {
  const i = a.indexOf(b);
  return i < 0 ? -1 : [...a.slice(0, i)].length;
});
s2("indexof_n", (a, b) => {
  const out: number[] = [];
  if (b === "") return out;
  for (let i = a.indexOf(b); i >= 0; i = a.indexOf(b, i + 1))
    out.push([...a.slice(0, i)].length);
  return out;
});

function cutset(cs: string): (c: string) => boolean {
  const set = new Set([...cs]);
  return (c) => set.has(c);
}
function trimLeft(s: string, cs: string): string {
  const chars = [...s];
  const has = cutset(cs);
  let i = 0;
  while (i < chars.length && has(chars[i]!)) i++;
  return chars.slice(i).join("");
}
function trimRight(s: string, cs: string): string {
  const chars = [...s];
  const has = cutset(cs);
  let j = chars.length;
  while (j > 0 && has(chars[j - 1]!)) j--;
  return chars.slice(0, j).join("");
}
s2("trim", (a, b) => trimRight(trimLeft(a, b), b));
s2("trim_left", trimLeft);
s2("trim_right", trimRight);

register("replace", 3, ([s, o, n]) =>
  str(s!, 1).split(str(o!, 2)).join(str(n!, 3)),
);
register("strings.replace_n", 2, ([p, s]) => {
  if (!(p instanceof RObject)) throw typeErr(1, "object", p!);
  let out = str(s!, 2);
  const pairs: [string, string][] = [];
  for (const [k, v] of p.sortedEntries()) {
    if (typeof k !== "string")
      throw new BuiltinError(
        "operand 1 non-string key found in pattern object",
        "eval_type_error",
      );
    if (typeof v !== "string")
      throw new BuiltinError(
        "operand 1 non-string value found in pattern object",
        "eval_type_error",
      );
    pairs.push([k, v]);
  }
  let res = "";
  let i = 0;
  while (i < out.length) {
    const hit = pairs.find(([k]) => k !== "" && out.startsWith(k, i));
    if (hit) {
      res += hit[1];
      i += hit[0].length;
    } else res += out[i++];
  }
  out = res;
  return out;
});

register("substring", 3, ([s, st, ln]) => {
  const chars = [...str(s!, 1)];
  if (!isNum(st!)) throw typeErr(2, "number", st!);
  if (!isNum(ln!)) throw typeErr(3, "number", ln!);
  const start = Number(st);
  const len = Number(ln);
  if (!Number.isInteger(start)) throw typeErr(2, "integer", st!);
  if (start < 0) throw new BuiltinError("negative offset");
  if (start >= chars.length) return "";
  return (len < 0 ? chars.slice(start) : chars.slice(start, start + len)).join(
    "",
  );
});

register("concat", 2, ([d, c]) => {
  const delim = str(d!, 1);
  const xs = Array.isArray(c) ? c : c instanceof RSet ? c.sorted() : null;
  if (!xs) throw typeErr(2, "one of {array, set}", c!);
  return xs
    .map((x) => {
      if (typeof x !== "string") throw typeErr(2, "array of strings", c!);
      return x;
    })
    .join(delim);
});

register("format_int", 2, ([n, b]) => {
  if (!isNum(n!)) throw typeErr(1, "number", n!);
  if (!isNum(b!)) throw typeErr(2, "number", b!);
  const base = Number(b);
  if (![2, 8, 10, 16].includes(base))
    throw new BuiltinError(
      "operand 2 must be one of {2, 8, 10, 16}",
      "eval_type_error",
    );
  const i = typeof n === "bigint" ? n : BigInt(Math.trunc(n));
  return i.toString(base);
});

function anyMatch(name: string, f: (s: string, p: string) => boolean): void {
  register(name, 2, ([a, b]) => {
    const xs = strList(a!, 1);
    const ps = strList(b!, 2);
    for (const s of xs) for (const p of ps) if (f(s, p)) return true;
    return false;
  });
}
function strList(v: Value, pos: number): string[] {
  if (typeof v === "string") return [v];
  const xs = Array.isArray(v) ? v : v instanceof RSet ? [...v.values()] : null;
  if (!xs) throw typeErr(pos, "one of {string, set, array}", v);
  return xs.map((x) => {
    if (typeof x !== "string")
      throw new BuiltinError(
        `operand ${pos} must be array of strings but got array containing ${typeName(x)}`,
        "eval_type_error",
      );
    return x;
  });
}
anyMatch("strings.any_prefix_match", (s, p) => s.startsWith(p));
anyMatch("strings.any_suffix_match", (s, p) => s.endsWith(p));

register("to_number", 1, ([v]) => {
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isNum(v!)) return v;
  if (typeof v !== "string")
    throw typeErr(1, "one of {null, boolean, number, string}", v!);
  const t = v.trim();
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t) || t !== v) {
    if (/^[-+]?(inf|infinity|nan)$/i.test(v))
      throw new BuiltinError(
        "operand 1 must be a valid number string",
        "eval_type_error",
      );
    throw new BuiltinError(`invalid syntax`);
  }
  return normNum(
    parseNumber(
      t
        .replace(/^\+/, "")
        .replace(/^(-?)\./, "$10.")
        .replace(/\.(?=$|[eE])/, ""),
    ),
  );
});
