import type { Literal, Module, Rule, Term } from "../ast.js";
import { RegoError, type RegoErrorDetail } from "../RegoError.js";
import { refName } from "../parser/TermParser.js";
import { builtinArity, isBuiltinName } from "../builtins/registry.js";
import {
  declaredVars,
  forEachVar,
  resolveBody,
  resolveTerm,
  type Scope,
} from "./resolve.js";
import { BodyCompiler } from "./safety.js";
import { RuleNode } from "./RuleNode.js";
import { ruleMetadata } from "./ruleMetadata.js";
import type { Value } from "../value.js";
import { checkRecursion } from "./checkRecursion.js";
import { checkAssigns, checkCalls, checkConflicts } from "./checkRules.js";

/** A compiled rule: resolved, reordered, placed at `path` under data. */
export interface CRule {
  src: Rule;
  kind: Rule["kind"];
  /** Full path below `data` (package + head ref). */
  path: Term[];
  staticLen: number;
  args?: Term[];
  key?: Term;
  value: Term;
  body: Literal[];
  isDefault: boolean;
  elseRule?: CRule;
  /** Values of rego.metadata.rule() / chain() inside this rule. */
  meta?: { rule: Value; chain: Value };
}

/** Compiled modules: the rule tree and function table. */
export interface CompiledModules {
  root: RuleNode;
  funcs: Map<string, CRule[]>;
  modules: Module[];
  arityOf(name: string): number | undefined;
  scopeForQuery(): Scope;
  /** True when `name` is a builtin or user function. */
  known(name: string): boolean;
}

const TRUE = (r: Rule): Term => ({ type: "scalar", value: true, loc: r.loc });

function pathTerms(pkg: string[], r: Rule): Term[] {
  const first = r.ref[0]!;
  const name = first.type === "var" ? first.name : "";
  const str = (s: string): Term => ({ type: "scalar", value: s, loc: r.loc });
  return [...pkg.map(str), str(name), ...r.ref.slice(1)];
}

function staticLen(path: Term[]): number {
  const i = path.findIndex(
    (t) => t.type !== "scalar" || typeof t.value !== "string",
  );
  return i < 0 ? path.length : i;
}

function importsOf(m: Module): Map<string, Term> {
  const out = new Map<string, Term>();
  for (const imp of m.imports) {
    const name = refName(imp.path);
    const parts = name.split(".");
    if (parts[0] !== "data" && parts[0] !== "input") continue;
    const alias =
      imp.alias ?? (imp.path.type === "ref" ? lastSeg(imp.path) : parts[0]!);
    out.set(alias, imp.path);
  }
  return out;
}

function lastSeg(t: Term & { type: "ref" }): string {
  const p = t.path[t.path.length - 1]!;
  return p.type === "scalar" ? String(p.value) : "";
}

/** Compiles parsed modules; throws RegoError with all errors found. */
export function compileModules(modules: Module[]): CompiledModules {
  const names = new Map<string, Set<string>>();
  const funcs = new Map<string, CRule[]>();
  const arity = new Map<string, number>();
  for (const m of modules) {
    const key = m.pkg.join(".");
    const set = names.get(key) ?? new Set();
    names.set(key, set);
    for (const r of m.rules) {
      const f = r.ref[0]!;
      if (f.type === "var") set.add(f.name);
      if (r.kind === "func")
        arity.set(
          [
            "data",
            ...m.pkg,
            refName(
              r.ref.length === 1
                ? f
                : { type: "ref", head: f, path: r.ref.slice(1), loc: r.loc },
            ),
          ].join("."),
          r.args!.length,
        );
    }
  }
  const arityOf = (n: string): number | undefined =>
    arity.get(n) ?? builtinArity(n);
  const funcNames = new Set(arity.keys());
  const isBuiltin = (n: string): boolean => isBuiltinName(n);
  const bc = new BodyCompiler(arityOf);
  const root = new RuleNode([]);
  const errors: RegoErrorDetail[] = [];
  const all: CRule[] = [];
  const meta = ruleMetadata(modules);
  for (const m of modules) {
    const scope: Scope = {
      pkg: m.pkg,
      names: names.get(m.pkg.join("."))!,
      imports: importsOf(m),
      locals: new Set(),
      funcs: funcNames,
      isBuiltin,
    };
    root.addPackage(m.pkg);
    for (const r of m.rules) {
      const c = compileRule(r, m, scope, bc);
      for (let cur: CRule | undefined = c; cur; cur = cur.elseRule)
        cur.meta = meta.get(r);
      if (c.kind === "func") {
        const name = [
          "data",
          ...c.path.map((t) => String((t as { value: unknown }).value)),
        ].join(".");
        const list = funcs.get(name) ?? [];
        list.push(c);
        funcs.set(name, list);
      }
      root.insert(c);
      all.push(c);
    }
  }
  errors.push(...bc.errors);
  const known = (n: string): boolean => funcNames.has(n) || isBuiltin(n);
  for (const m of modules)
    for (const r of m.rules) errors.push(...checkAssigns(r));
  for (const c of all)
    for (let cur: CRule | undefined = c; cur; cur = cur.elseRule)
      errors.push(
        ...checkCalls(
          cur.body,
          [cur.value, ...(cur.key ? [cur.key] : [])],
          known,
        ),
      );
  errors.push(...checkConflicts(all));
  if (!errors.length) errors.push(...checkRecursion(all));
  if (errors.length) throw new RegoError(dedupe(errors));
  return {
    root,
    funcs,
    modules,
    arityOf,
    known: (n) => funcNames.has(n) || isBuiltin(n),
    scopeForQuery: () => ({
      pkg: [],
      names: new Set(),
      imports: new Map(),
      locals: new Set(),
      funcs: funcNames,
      isBuiltin,
    }),
  };
}

function dedupe(errors: RegoErrorDetail[]): RegoErrorDetail[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.location?.file}:${e.location?.row}:${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function headVars(r: Rule): Set<string> {
  const out = new Set<string>();
  const add = (t: Term | undefined): void => {
    if (t) forEachVar(t, (v) => out.add(v), false);
  };
  r.ref.slice(1).forEach(add);
  add(r.key);
  add(r.value);
  return out;
}

function compileRule(
  r: Rule,
  m: Module,
  scope: Scope,
  bc: BodyCompiler,
  args?: Term[],
): CRule {
  const argVars = new Set<string>();
  for (const a of args ?? r.args ?? []) forEachVar(a, (v) => argVars.add(v));
  const locals = new Set([...argVars, ...declaredVars(r.body)]);
  for (const t of r.ref.slice(1))
    forEachVar(t, (v) => !scope.names.has(v) && locals.add(v), false);
  if (r.key)
    forEachVar(r.key, (v) => !scope.names.has(v) && locals.add(v), false);
  const s: Scope = { ...scope, locals };
  const body = resolveBody(r.body, s);
  const value = r.value ? resolveTerm(r.value, s) : TRUE(r);
  const key = r.key && resolveTerm(r.key, s);
  const path = pathTerms(m.pkg, r).map((t, i) =>
    i <= m.pkg.length ? t : resolveTerm(t, s),
  );
  const rargs = (args ?? r.args)?.map((a) => resolveTerm(a, s));
  const outer = new Set([...argVars, ...headVars(r)]);
  const compiled = r.isDefault
    ? { body, bound: new Set<string>() }
    : bc.compile(body, outer, argVars);
  const all = new Set([...outer, ...compiled.bound]);
  const nv = bc.nestedTerm(value, all);
  const nk = key && bc.nestedTerm(key, all);
  if (!r.isDefault) {
    const heads = [
      value,
      ...(key ? [key] : []),
      ...path.slice(m.pkg.length + 1),
    ];
    bc.checkHead(heads, compiled.bound, r);
  }
  const c: CRule = {
    src: r,
    kind: r.kind,
    path,
    staticLen: staticLen(path),
    args: rargs,
    key: nk,
    value: nv,
    body: compiled.body,
    isDefault: r.isDefault,
  };
  if (r.elseRule) c.elseRule = compileRule(r.elseRule, m, scope, bc, r.args);
  return c;
}
