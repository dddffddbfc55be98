import type { Literal, Rule, Term } from "../ast.js";
import type { RegoErrorDetail } from "../RegoError.js";
import type { CRule } from "./compileModules.js";
import { forEachVar } from "./resolve.js";
import { ruleKey } from "./checkRecursion.js";

function err(
  code: string,
  message: string,
  r: { loc: Term["loc"] },
): RegoErrorDetail {
  return {
    code,
    message,
    location: { file: r.loc.file, row: r.loc.row, col: r.loc.col },
  };
}

/** Rule kind conflicts and duplicate defaults (OPA's rego_type_error). */
export function checkConflicts(rules: CRule[]): RegoErrorDetail[] {
  const out: RegoErrorDetail[] = [];
  const groups = new Map<string, CRule[]>();
  for (const r of rules) {
    if (r.staticLen !== r.path.length) continue;
    const k = ruleKey(r);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  for (const [k, rs] of groups) {
    const kinds = new Set(rs.map((r) => r.kind));
    if (kinds.size > 1)
      out.push(
        err("rego_type_error", `conflicting rules ${k} found`, rs[0]!.src),
      );
    if (rs.filter((r) => r.isDefault).length > 1)
      out.push(
        err("rego_type_error", `multiple default rules ${k} found`, rs[0]!.src),
      );
    const arities = new Set(
      rs.filter((r) => r.kind === "func").map((r) => r.args?.length ?? 0),
    );
    if (arities.size > 1)
      out.push(
        err("rego_type_error", `conflicting rules ${k} found`, rs[0]!.src),
      );
  }
  return out;
}

function calls(t: Term, f: (c: Term & { type: "call" }) => void): void {
  switch (t.type) {
    case "call":
      f(t);
      t.args.forEach((a) => calls(a, f));
      return;
    case "ref":
      calls(t.head, f);
      t.path.forEach((p) => calls(p, f));
      return;
    case "array":
    case "set":
      t.items.forEach((i) => calls(i, f));
      return;
    case "object":
      t.pairs.forEach(([k, v]) => (calls(k, f), calls(v, f)));
      return;
    case "arraycomp":
    case "setcomp":
      calls(t.term, f);
      bodyCalls(t.body, f);
      return;
    case "objectcomp":
      calls(t.key, f);
      calls(t.value, f);
      bodyCalls(t.body, f);
      return;
    case "template":
      t.parts.forEach((p) => typeof p !== "string" && calls(p, f));
      return;
    default:
  }
}

/** Visits every call in a body. */
export function bodyCalls(
  body: Literal[],
  f: (c: Term & { type: "call" }) => void,
): void {
  for (const l of body) {
    if (l.kind === "expr") calls(l.expr, f);
    else if (l.kind === "somein" || l.kind === "every") {
      calls(l.domain, f);
      if (l.kind === "every") bodyCalls(l.body, f);
    }
    l.withs.forEach((w) => calls(w.value, f));
  }
}

const SPECIAL = new Set(["eq", "assign"]);

/** Calls to functions that exist nowhere (rego_type_error). */
export function checkCalls(
  body: Literal[],
  extra: Term[],
  known: (name: string) => boolean,
): RegoErrorDetail[] {
  const out: RegoErrorDetail[] = [];
  const f = (c: Term & { type: "call" }): void => {
    if (!SPECIAL.has(c.name) && !known(c.name))
      out.push(err("rego_type_error", `undefined function ${c.name}`, c));
  };
  bodyCalls(body, f);
  extra.forEach((t) => calls(t, f));
  return out;
}

/** `x := ...` twice in one body, or assigning to an argument. */
export function checkAssigns(r: Rule): RegoErrorDetail[] {
  const out: RegoErrorDetail[] = [];
  const declared = new Set<string>();
  for (const a of r.args ?? []) forEachVar(a, (v) => declared.add(v));
  for (const l of r.body) {
    if (l.kind !== "expr" || l.expr.type !== "call" || l.expr.name !== "assign")
      continue;
    forEachVar(
      l.expr.args[0]!,
      (v) => {
        if (v.startsWith("$")) return;
        if (v === "input" || v === "data")
          out.push(err("rego_compile_error", `cannot assign to ${v}`, l));
        else if (declared.has(v))
          out.push(err("rego_compile_error", `var ${v} assigned above`, l));
        declared.add(v);
      },
      false,
    );
  }
  return out;
}
