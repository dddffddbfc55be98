import type { Literal, Term } from "../ast.js";
import type { RegoErrorDetail } from "../RegoError.js";
import type { CRule } from "./compileModules.js";

/** The dotted key of a rule (`data.a.b.p`, static part of its path). */
export function ruleKey(r: CRule): string {
  const segs = r.path
    .slice(0, r.staticLen)
    .map((t) => String((t as { value: unknown }).value));
  return ["data", ...segs].join(".");
}

function refPrefix(t: Term & { type: "ref" }): string | undefined {
  if (t.head.type !== "var" || t.head.name !== "data") return undefined;
  const segs: string[] = ["data"];
  for (const p of t.path) {
    if (p.type !== "scalar" || typeof p.value !== "string") break;
    segs.push(p.value);
  }
  return segs.join(".");
}

function visitTerm(t: Term, out: Set<string>): void {
  switch (t.type) {
    case "ref": {
      const p = refPrefix(t);
      if (p && p !== "data") out.add(p);
      visitTerm(t.head, out);
      t.path.forEach((x) => visitTerm(x, out));
      return;
    }
    case "call":
      out.add("fn:" + t.name);
      t.args.forEach((x) => visitTerm(x, out));
      return;
    case "array":
    case "set":
      t.items.forEach((x) => visitTerm(x, out));
      return;
    case "object":
      t.pairs.forEach(([k, v]) => (visitTerm(k, out), visitTerm(v, out)));
      return;
    case "arraycomp":
    case "setcomp":
      visitTerm(t.term, out);
      visitBody(t.body, out);
      return;
    case "objectcomp":
      visitTerm(t.key, out);
      visitTerm(t.value, out);
      visitBody(t.body, out);
      return;
    case "template":
      t.parts.forEach((p) => typeof p !== "string" && visitTerm(p, out));
      return;
    default:
  }
}

function visitBody(body: Literal[], out: Set<string>): void {
  for (const l of body) {
    if (l.kind === "expr") visitTerm(l.expr, out);
    else if (l.kind === "somein" || l.kind === "every") {
      visitTerm(l.domain, out);
      if (l.kind === "every") visitBody(l.body, out);
    }
    l.withs.forEach((w) => visitTerm(w.value, out));
  }
}

function refsOf(r: CRule): Set<string> {
  const out = new Set<string>();
  for (let cur: CRule | undefined = r; cur; cur = cur.elseRule) {
    visitBody(cur.body, out);
    visitTerm(cur.value, out);
    if (cur.key) visitTerm(cur.key, out);
  }
  return out;
}

function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(b + ".") || b.startsWith(a + ".");
}

/** Finds recursive rules (OPA's rego_recursion_error). */
export function checkRecursion(rules: CRule[]): RegoErrorDetail[] {
  const keys = [...new Set(rules.map(ruleKey))];
  const byKey = new Map<string, CRule[]>();
  for (const r of rules)
    byKey.set(ruleKey(r), [...(byKey.get(ruleKey(r)) ?? []), r]);
  const edges = new Map<string, string[]>();
  for (const k of keys) {
    const deps = new Set<string>();
    for (const r of byKey.get(k)!) {
      for (const ref of refsOf(r)) {
        const name = ref.startsWith("fn:") ? ref.slice(3) : ref;
        for (const other of keys)
          if (ref.startsWith("fn:") ? other === name : overlaps(other, name))
            deps.add(other);
      }
    }
    edges.set(k, [...deps]);
  }
  return findCycles(keys, edges, byKey);
}

function findCycles(
  keys: string[],
  edges: Map<string, string[]>,
  byKey: Map<string, CRule[]>,
): RegoErrorDetail[] {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const errors: RegoErrorDetail[] = [];
  const reported = new Set<string>();
  const dfs = (k: string): void => {
    state.set(k, 1);
    stack.push(k);
    for (const d of edges.get(k) ?? []) {
      if (state.get(d) === 1) {
        const cycle = [...stack.slice(stack.indexOf(d)), d];
        if (!reported.has(d)) {
          reported.add(d);
          const loc = byKey.get(d)![0]!.src.loc;
          errors.push({
            code: "rego_recursion_error",
            message: `rule ${d} is recursive: ${cycle.join(" -> ")}`,
            location: { file: loc.file, row: loc.row, col: loc.col },
          });
        }
      } else if (!state.has(d)) dfs(d);
    }
    stack.pop();
    state.set(k, 2);
  };
  for (const k of keys) if (!state.has(k)) dfs(k);
  return errors;
}
