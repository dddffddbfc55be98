import { RE2JS } from "re2js";
import { RObject, RSet, type Value } from "../value.js";
import { BuiltinError, register, typeErr } from "./registry.js";
import { str } from "./strings.js";

const CACHE = new Map<string, RE2JS>();

/** Compiles (and caches) an RE2 pattern. */
export function re(pattern: string): RE2JS {
  let r = CACHE.get(pattern);
  if (!r) {
    try {
      r = RE2JS.compile(pattern);
    } catch (e) {
      throw new BuiltinError(`error parsing regexp: ${(e as Error).message}`);
    }
    if (CACHE.size > 1000) CACHE.clear();
    CACHE.set(pattern, r);
  }
  return r;
}

function findAll(r: RE2JS, s: string, n: number, groups: boolean): Value[] {
  const out: Value[] = [];
  const m = r.matcher(s);
  let pos = 0;
  let lastEnd = -1;
  while ((n < 0 || out.length < n) && pos <= s.length && m.find(pos)) {
    const st = m.start();
    const en = m.end();
    if (!(st === en && st === lastEnd)) {
      if (groups) {
        const g: Value[] = [];
        for (let i = 0; i <= m.groupCount(); i++) g.push(m.group(i) ?? "");
        out.push(g);
      } else out.push(m.group() ?? "");
    }
    lastEnd = en;
    pos = en > st ? en : en + 1;
  }
  return out;
}

register("regex.match", 2, ([p, v]) =>
  re(str(p!, 1)).matcher(str(v!, 2)).find(),
);
register("re_match", 2, ([p, v]) => re(str(p!, 1)).matcher(str(v!, 2)).find());
register("regex.is_valid", 1, ([p]) => {
  if (typeof p !== "string") return false;
  try {
    re(p);
    return true;
  } catch {
    return false;
  }
});
register("regex.find_n", 3, ([p, v, n]) =>
  findAll(re(str(p!, 1)), str(v!, 2), Number(n), false),
);
register("regex.find_all_string_submatch_n", 3, ([p, v, n]) =>
  findAll(re(str(p!, 1)), str(v!, 2), Number(n), true),
);
register("regex.split", 2, ([p, v]) => {
  const s = str(v!, 2);
  const r = re(str(p!, 1));
  const out: string[] = [];
  const m = r.matcher(s);
  let last = 0;
  let pos = 0;
  while (pos <= s.length && m.find(pos)) {
    const st = m.start();
    const en = m.end();
    if (en === 0 && st === 0) {
      pos = 1;
      continue;
    }
    if (st === en && st >= s.length) break;
    out.push(s.slice(last, st));
    last = en;
    pos = en > st ? en : en + 1;
  }
  out.push(s.slice(last));
  return out;
});
register("regex.replace", 3, ([s, p, v]) => {
  const input = str(s!, 1);
  const repl = str(v!, 3).replace(/\$\{(\d+)\}/g, "$$$1");
  return re(str(p!, 2)).matcher(input).replaceAll(repl, false);
});
register("regex.template_match", 4, ([t, v, ds, de]) => {
  const tpl = str(t!, 1);
  const start = str(ds!, 3);
  const end = str(de!, 4);
  let pattern = "^";
  let i = 0;
  while (i < tpl.length) {
    const a = tpl.indexOf(start, i);
    if (a < 0) break;
    const b = tpl.indexOf(end, a + start.length);
    if (b < 0) throw new BuiltinError(`unbalanced braces in template`);
    pattern +=
      RE2JS.quote(tpl.slice(i, a)) +
      "(?:" +
      tpl.slice(a + start.length, b) +
      ")";
    i = b + end.length;
  }
  pattern += RE2JS.quote(tpl.slice(i)) + "$";
  return re(pattern).matcher(str(v!, 2)).find();
});

/** Converts a glob (gobwas syntax) to an RE2 pattern. */
export function globToRegex(glob: string, delims: string[]): string {
  const notSep = delims.length
    ? "[^" +
      delims
        .map((d) => RE2JS.quote(d).replace(/^\\Q|\\E$/g, ""))
        .map(escClass)
        .join("") +
      "]"
    : ".";
  let out = "";
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "\\" && i + 1 < glob.length) out += escLit(glob[++i]!);
    else if (c === "*") {
      if (glob[i + 1] === "*") {
        out += ".*";
        i++;
      } else out += notSep + "*";
    } else if (c === "?") out += notSep;
    else if (c === "[") {
      const j = glob.indexOf("]", i + 1);
      if (j < 0) throw new BuiltinError(`unexpected end of input`);
      let body = glob.slice(i + 1, j);
      const neg = body.startsWith("!");
      if (neg) body = body.slice(1);
      out +=
        "[" +
        (neg ? "^" : "") +
        body.replace(/[\\\]^]/g, (x) => "\\" + x) +
        "]";
      i = j;
    } else if (c === "{") {
      depth++;
      out += "(?:";
    } else if (c === "}" && depth > 0) {
      depth--;
      out += ")";
    } else if (c === "," && depth > 0) out += "|";
    else out += escLit(c);
  }
  if (depth) throw new BuiltinError(`unexpected end of input`);
  return "^(?s:" + out + ")$";
}
function escLit(c: string): string {
  return /[\\.+*?()|[\]{}^$]/.test(c) ? "\\" + c : c;
}
function escClass(c: string): string {
  return /[\\\]^-]/.test(c) ? "\\" + c : c;
}

register("glob.match", 3, ([p, d, m]) => {
  let delims: string[];
  if (d === null) delims = [];
  else if (Array.isArray(d)) {
    delims = d.map((x) => {
      if (typeof x !== "string") throw typeErr(2, "array of strings", d);
      return x;
    });
    if (!delims.length) delims = ["."];
  } else throw typeErr(2, "one of {array, null}", d!);
  return re(globToRegex(str(p!, 1), delims))
    .matcher(str(m!, 3))
    .find();
});
register("glob.quote_meta", 1, ([p]) =>
  str(p!, 1).replace(/[*?\\[\]{}]/g, (c) => "\\" + c),
);

export { RObject, RSet };
