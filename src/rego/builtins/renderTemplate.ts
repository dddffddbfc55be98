import { RObject, RSet, type Value } from "../value.js";
import { formatNumber } from "./formatValue.js";
import { BuiltinError, register, typeErr } from "./registry.js";
import { str } from "./strings.js";

type Node =
  | { k: "text"; s: string }
  | { k: "expr"; e: string }
  | { k: "range"; e: string; vars: string[]; body: Node[] }
  | { k: "if"; e: string; then: Node[]; else: Node[] };

function parse(src: string): Node[] {
  const parts = src.split(/(\{\{-?\s*[\s\S]*?\s*-?\}\})/);
  let i = 0;
  const block = (stop: string[]): [Node[], string] => {
    const out: Node[] = [];
    while (i < parts.length) {
      const p = parts[i++]!;
      const m = /^\{\{-?\s*([\s\S]*?)\s*-?\}\}$/.exec(p);
      if (!m) {
        if (p) out.push({ k: "text", s: p });
        continue;
      }
      const a = m[1]!;
      if (stop.includes(a)) return [out, a];
      const r = /^range\s+(?:(\$\w+)\s*(?:,\s*(\$\w+))?\s*:=\s*)?(.+)$/.exec(a);
      if (r) {
        const [body] = block(["end"]);
        out.push({
          k: "range",
          e: r[3]!,
          vars: [r[1], r[2]].filter((x): x is string => !!x),
          body,
        });
      } else if (a.startsWith("if ")) {
        const [then, end] = block(["else", "end"]);
        const els = end === "else" ? block(["end"])[0] : [];
        out.push({ k: "if", e: a.slice(3), then, else: els });
      } else out.push({ k: "expr", e: a });
    }
    return [out, ""];
  };
  return block([])[0];
}

type Scope = { dot: Value | undefined; vars: Map<string, Value> };

function lookup(e: string, sc: Scope): Value | undefined {
  const t = e.trim();
  if (t === ".") return sc.dot;
  let cur: Value | undefined;
  let rest = t;
  if (t.startsWith("$")) {
    const m = /^\$\w*/.exec(t)![0];
    cur = sc.vars.get(m);
    rest = t.slice(m.length);
  } else cur = sc.dot;
  for (const seg of rest.split(".").filter(Boolean))
    cur = cur instanceof RObject ? cur.get(seg) : undefined;
  return cur;
}

function text(v: Value | undefined): string {
  if (v === undefined) return "<undefined>";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint") return formatNumber(v);
  if (v === null) return "<nil>";
  return JSON.stringify(v);
}

function truthy(v: Value | undefined): boolean {
  if (v === undefined || v === null || v === false || v === "" || v === 0)
    return false;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof RObject || v instanceof RSet) return v.size > 0;
  return true;
}

function render(nodes: Node[], sc: Scope): string {
  let out = "";
  for (const n of nodes) {
    if (n.k === "text") out += n.s;
    else if (n.k === "expr") out += text(lookup(n.e, sc));
    else if (n.k === "if")
      out += render(truthy(lookup(n.e, sc)) ? n.then : n.else, sc);
    else {
      const coll = lookup(n.e, sc);
      const items: [Value, Value][] = Array.isArray(coll)
        ? coll.map((x, i) => [i, x])
        : coll instanceof RObject
          ? coll.sortedEntries()
          : [];
      for (const [k, v] of items) {
        const vars = new Map(sc.vars);
        if (n.vars.length === 2) vars.set(n.vars[0]!, k).set(n.vars[1]!, v);
        else if (n.vars.length === 1) vars.set(n.vars[0]!, v);
        out += render(n.body, { dot: v, vars });
      }
    }
  }
  return out;
}

register("strings.render_template", 2, ([t, v]) => {
  if (!(v instanceof RObject)) throw typeErr(2, "object", v!);
  try {
    return render(parse(str(t!, 1)), { dot: v, vars: new Map([["$", v]]) });
  } catch (e) {
    throw new BuiltinError(
      `template: ${(e as Error).message}`,
      "eval_builtin_error",
      false,
      e,
    );
  }
});
