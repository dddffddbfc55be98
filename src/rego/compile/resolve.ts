import type { Literal, Term, With } from "../ast.js";
import { refName } from "../parser/TermParser.js";

/** Names visible in one module. */
export interface Scope {
  pkg: string[];
  /** Rule names of the package (first head term). */
  names: Set<string>;
  /** Import alias → resolved ref term. */
  imports: Map<string, Term>;
  /** Variables declared locally (shadowing rules). */
  locals: Set<string>;
  /** Full names of user functions (`data.a.f`). */
  funcs: Set<string>;
  isBuiltin(name: string): boolean;
}

/** A `with` after resolution. */
export interface ResolvedWith extends With {
  kind: "input" | "data" | "fn";
  /** Full function name replaced (kind fn). */
  fnName?: string;
  /** Replacement function name when the value names a function. */
  fnValue?: string;
}

function dataRef(path: string[], base: Term): Term {
  const l = base.loc;
  return {
    type: "ref",
    head: { type: "var", name: "data", loc: l },
    path: path.map((p) => ({ type: "scalar", value: p, loc: l })),
    loc: l,
  };
}

function resolveVar(t: Term & { type: "var" }, s: Scope): Term {
  const n = t.name;
  if (s.locals.has(n)) return t;
  if (s.names.has(n)) return dataRef([...s.pkg, n], t);
  const imp = s.imports.get(n);
  if (imp) return { ...imp, loc: t.loc };
  return t;
}

function concatRef(head: Term, path: Term[], t: Term): Term {
  if (head.type === "ref")
    return {
      type: "ref",
      head: head.head,
      path: [...head.path, ...path],
      loc: t.loc,
    };
  return { type: "ref", head, path, loc: t.loc };
}

/** Resolves the full name of a called function. */
export function resolveFnName(fn: Term, s: Scope): string {
  const name = refName(fn);
  const first = name.split(".")[0]!;
  if (s.locals.has(first)) return name;
  if (s.names.has(first)) return ["data", ...s.pkg, name].join(".");
  const imp = s.imports.get(first);
  if (imp) return [refName(imp), ...name.split(".").slice(1)].join(".");
  return name;
}

/** Resolves globals in a term. */
export function resolveTerm(t: Term, s: Scope): Term {
  switch (t.type) {
    case "scalar":
      return t;
    case "var":
      return resolveVar(t, s);
    case "ref":
      return concatRef(
        resolveTerm(t.head, s),
        t.path.map((p) => resolveTerm(p, s)),
        t,
      );
    case "array":
    case "set":
      return { ...t, items: t.items.map((i) => resolveTerm(i, s)) };
    case "object":
      return {
        ...t,
        pairs: t.pairs.map(
          ([k, v]) => [resolveTerm(k, s), resolveTerm(v, s)] as [Term, Term],
        ),
      };
    case "arraycomp":
    case "setcomp":
      return {
        ...t,
        term: resolveTerm(t.term, s),
        body: resolveBody(t.body, s),
      };
    case "objectcomp":
      return {
        ...t,
        key: resolveTerm(t.key, s),
        value: resolveTerm(t.value, s),
        body: resolveBody(t.body, s),
      };
    case "call":
      return {
        ...t,
        name: resolveFnName(t.fn, s),
        args: t.args.map((a) => resolveTerm(a, s)),
      };
    case "template":
      return {
        ...t,
        parts: t.parts.map((p) =>
          typeof p === "string" ? p : resolveTerm(p, s),
        ),
      };
  }
}

/** Collects vars declared by `:=`, `some` and `every` in a body (not nested). */
export function declaredVars(
  body: Literal[],
  out = new Set<string>(),
): Set<string> {
  const addVars = (t: Term | undefined): void => {
    if (!t) return;
    forEachVar(t, (v) => out.add(v), false);
  };
  for (const l of body) {
    if (l.kind === "some") l.vars.forEach(addVars);
    else if (l.kind === "somein" || l.kind === "every") {
      if (l.kind === "somein") {
        addVars(l.key);
        addVars(l.value);
      }
    } else if (l.expr.type === "call" && l.expr.name === "assign")
      addVars(l.expr.args[0]);
  }
  return out;
}

/** Calls `f` for every var in a term; `deep` also enters closures. */
export function forEachVar(
  t: Term,
  f: (name: string) => void,
  deep = true,
): void {
  switch (t.type) {
    case "var":
      f(t.name);
      return;
    case "ref":
      forEachVar(t.head, f, deep);
      t.path.forEach((p) => forEachVar(p, f, deep));
      return;
    case "array":
    case "set":
      t.items.forEach((i) => forEachVar(i, f, deep));
      return;
    case "object":
      t.pairs.forEach(([k, v]) => {
        forEachVar(k, f, deep);
        forEachVar(v, f, deep);
      });
      return;
    case "call":
      t.args.forEach((a) => forEachVar(a, f, deep));
      return;
    case "template":
      t.parts.forEach((p) => typeof p !== "string" && forEachVar(p, f, deep));
      return;
    case "arraycomp":
    case "setcomp":
    case "objectcomp":
      if (!deep) return;
      if (t.type === "objectcomp") {
        forEachVar(t.key, f);
        forEachVar(t.value, f);
      } else forEachVar(t.term, f);
      t.body.forEach((l) => forEachLitVar(l, f));
      return;
    default:
  }
}

/** Calls `f` for every var in a literal (entering closures). */
export function forEachLitVar(l: Literal, f: (name: string) => void): void {
  const terms: Term[] = [];
  if (l.kind === "expr") terms.push(l.expr);
  else if (l.kind === "some") terms.push(...l.vars);
  else {
    if (l.key) terms.push(l.key);
    terms.push(l.value, l.domain);
    if (l.kind === "every") l.body.forEach((b) => forEachLitVar(b, f));
  }
  for (const w of l.withs) terms.push(w.value);
  terms.forEach((t) => forEachVar(t, f));
}

/** Resolves a body: declared vars shadow package rules. */
export function resolveBody(body: Literal[], s: Scope): Literal[] {
  const locals = new Set(s.locals);
  declaredVars(body, locals);
  const inner: Scope = { ...s, locals };
  return body.map((l) => resolveLiteral(l, inner));
}

function resolveLiteral(l: Literal, s: Scope): Literal {
  const withs = l.withs.map((w) => resolveWith(w, s));
  switch (l.kind) {
    case "expr":
      return { ...l, expr: resolveTerm(l.expr, s), withs };
    case "some":
      return { ...l, withs };
    case "somein":
      return {
        ...l,
        key: l.key && resolveTerm(l.key, s),
        value: resolveTerm(l.value, s),
        domain: resolveTerm(l.domain, s),
        withs,
      };
    case "every": {
      const locals = new Set(s.locals);
      if (l.key) forEachVar(l.key, (v) => locals.add(v));
      forEachVar(l.value, (v) => locals.add(v));
      const inner = { ...s, locals };
      return {
        ...l,
        key: l.key && resolveTerm(l.key, inner),
        value: resolveTerm(l.value, inner),
        domain: resolveTerm(l.domain, s),
        body: resolveBody(l.body, inner),
        withs,
      };
    }
  }
}

function resolveWith(w: With, s: Scope): ResolvedWith {
  const target = resolveTerm(w.target, { ...s, locals: new Set() });
  const value = resolveTerm(w.value, s);
  const head = target.type === "ref" ? target.head : target;
  const out: ResolvedWith = { ...w, target, value, kind: "fn" };
  const fnValue = fnRefName(w.value, s);
  if (fnValue) out.fnValue = fnValue;
  if (head.type === "var" && head.name === "input") out.kind = "input";
  else if (head.type === "var" && head.name === "data") {
    const name = refName(target);
    if (s.funcs.has(name)) out.fnName = name;
    else out.kind = "data";
  } else out.fnName = refName(target);
  return out;
}

function fnRefName(t: Term, s: Scope): string | undefined {
  if (t.type !== "var" && t.type !== "ref") return undefined;
  if (t.type === "var" && s.locals.has(t.name)) return undefined;
  if (t.type === "ref" && !t.path.every((p) => p.type === "scalar"))
    return undefined;
  const name = resolveFnName(t, s);
  return s.funcs.has(name) || s.isBuiltin(name) ? name : undefined;
}

export { dataRef };
