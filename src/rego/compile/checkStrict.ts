import type { Literal, Module, Rule, Term } from "../ast.js";
import type { RegoErrorDetail } from "../RegoError.js";
import { refName } from "../parser/TermParser.js";
import { forEachLitVar, forEachVar } from "./resolve.js";

function detail(message: string, l: { loc: Term["loc"] }): RegoErrorDetail {
  return {
    code: "rego_compile_error",
    message,
    location: { file: l.loc.file, row: l.loc.row, col: l.loc.col },
  };
}

function countVars(r: Rule): Map<string, number> {
  const n = new Map<string, number>();
  const add = (v: string): void => void n.set(v, (n.get(v) ?? 0) + 1);
  for (const l of r.body) forEachLitVar(l, add);
  for (const t of [...r.ref.slice(1), ...(r.args ?? []), r.key, r.value])
    if (t) forEachVar(t, add);
  return n;
}

function unusedAssigns(r: Rule): RegoErrorDetail[] {
  const uses = countVars(r);
  const out: RegoErrorDetail[] = [];
  for (const l of r.body as Literal[]) {
    if (l.kind !== "expr" || l.expr.type !== "call" || l.expr.name !== "assign")
      continue;
    forEachVar(
      l.expr.args[0]!,
      (v) => {
        if (!v.startsWith("$") && (uses.get(v) ?? 0) <= 1)
          out.push(detail(`assigned var ${v} unused`, l));
      },
      false,
    );
  }
  return out;
}

function importUsed(m: Module, name: string): boolean {
  const uses = (t: Term): boolean => {
    let hit = false;
    forEachVar(t, (v) => (hit ||= v === name));
    return hit;
  };
  return m.rules.some(
    (r) =>
      r.body.some((l) => {
        let hit = false;
        forEachLitVar(l, (v) => (hit ||= v === name));
        if (l.kind === "expr" && l.expr.type === "call")
          hit ||= refName(l.expr.fn).split(".")[0] === name;
        return (
          hit ||
          JSON.stringify(l, (_k, v: unknown) =>
            typeof v === "bigint" ? String(v) : v,
          ).includes(`"name":"${name}"`)
        );
      }) || [r.value, r.key].some((t) => t && uses(t)),
  );
}

/** OPA's strict-mode checks: unused assignments and unused imports. */
export function checkStrict(modules: Module[]): RegoErrorDetail[] {
  const out: RegoErrorDetail[] = [];
  for (const m of modules) {
    for (const r of m.rules)
      for (let cur: Rule | undefined = r; cur; cur = cur.elseRule)
        out.push(...unusedAssigns(cur));
    for (const imp of m.imports) {
      const path = refName(imp.path);
      if (!/^(data|input)\b/.test(path)) continue;
      const name = imp.alias ?? path.split(".").pop()!;
      if (!importUsed(m, name)) out.push(detail(`import ${path} unused`, imp));
    }
  }
  return out;
}
