import type { Literal, Term } from "../ast.js";
import { RegoError, type RegoErrorDetail } from "../RegoError.js";
import { declaredVars, forEachLitVar, forEachVar } from "./resolve.js";

/** Arity lookup for builtins and user functions (undefined if unknown). */
export type ArityOf = (name: string) => number | undefined;

let fresh = 0;

const ROOTS = new Set(["input", "data"]);

/** Renames vars (deep) in a term. */
export function renameTerm(t: Term, m: Map<string, string>): Term {
  const r = (x: Term): Term => renameTerm(x, m);
  switch (t.type) {
    case "scalar":
      return t;
    case "var":
      return m.has(t.name) ? { ...t, name: m.get(t.name)! } : t;
    case "ref":
      return { ...t, head: r(t.head), path: t.path.map(r) };
    case "array":
    case "set":
      return { ...t, items: t.items.map(r) };
    case "object":
      return {
        ...t,
        pairs: t.pairs.map(([k, v]) => [r(k), r(v)] as [Term, Term]),
      };
    case "arraycomp":
    case "setcomp":
      return {
        ...t,
        term: r(t.term),
        body: t.body.map((l) => renameLit(l, m)),
      };
    case "objectcomp":
      return {
        ...t,
        key: r(t.key),
        value: r(t.value),
        body: t.body.map((l) => renameLit(l, m)),
      };
    case "call":
      return { ...t, args: t.args.map(r) };
    case "template":
      return {
        ...t,
        parts: t.parts.map((p) => (typeof p === "string" ? p : r(p))),
      };
  }
}

function renameLit(l: Literal, m: Map<string, string>): Literal {
  const r = (x: Term): Term => renameTerm(x, m);
  const withs = l.withs.map((w) => ({ ...w, value: r(w.value) }));
  switch (l.kind) {
    case "expr":
      return { ...l, expr: r(l.expr), withs };
    case "some":
      return { ...l, vars: l.vars.map(r), withs };
    case "somein":
      return {
        ...l,
        key: l.key && r(l.key),
        value: r(l.value),
        domain: r(l.domain),
        withs,
      };
    case "every":
      return {
        ...l,
        key: l.key && r(l.key),
        value: r(l.value),
        domain: r(l.domain),
        body: l.body.map((b) => renameLit(b, m)),
        withs,
      };
  }
}

/** Vars of a body outside closures. */
function shallowVars(body: Literal[]): Set<string> {
  const out = new Set<string>();
  const add = (t: Term | undefined): void => {
    if (t) forEachVar(t, (v) => !ROOTS.has(v) && out.add(v), false);
  };
  for (const l of body) {
    if (l.kind === "expr") add(l.expr);
    else if (l.kind === "some") l.vars.forEach(add);
    else {
      add(l.key);
      add(l.value);
      add(l.domain);
    }
    l.withs.forEach(
      (w) => !(w as { fnValue?: string }).fnValue && add(w.value),
    );
  }
  return out;
}

/** Compiles (renames shadowing locals, reorders) a body. */
export class BodyCompiler {
  errors: RegoErrorDetail[] = [];
  constructor(readonly arityOf: ArityOf) {}

  /**
   * Reorders `body` for safety given vars already `bound`, with `outer` the
   * vars of enclosing scopes. Returns the body and the vars bound after it.
   */
  compile(
    body: Literal[],
    outer: Set<string>,
    bound: Set<string>,
  ): { body: Literal[]; bound: Set<string> } {
    const scope = new Set([...outer, ...shallowVars(body)]);
    const declaredAt = new Map<string, number>();
    body.forEach((l, i) => {
      if (
        l.kind !== "expr" ||
        l.expr.type !== "call" ||
        l.expr.name !== "assign"
      )
        return;
      forEachVar(
        l.expr.args[0]!,
        (v) => {
          if (!declaredAt.has(v)) declaredAt.set(v, i);
        },
        false,
      );
    });
    const scopes = body.map((_l, i) => {
      const s = new Set(scope);
      for (const [v, at] of declaredAt) if (at >= i) s.delete(v);
      return s;
    });
    const lits = body.map((l, i) => this.nested(l, scopes[i]!));
    return this.reorder(lits, scopes, new Set(bound));
  }

  /** Compiles a nested body, renaming its declared vars that shadow `outer`. */
  nestedBody(
    body: Literal[],
    outer: Set<string>,
    extraDecl: Term[] = [],
  ): { body: Literal[]; map: Map<string, string> } {
    const decl = declaredVars(body);
    for (const t of extraDecl) forEachVar(t, (v) => decl.add(v));
    const m = new Map<string, string>();
    for (const v of decl)
      if (outer.has(v) && !v.startsWith("$")) m.set(v, `${v}$${fresh++}`);
    const renamed = m.size ? body.map((l) => renameLit(l, m)) : body;
    return { body: renamed, map: m };
  }

  /** Compiles closures inside a term. */
  nestedTerm(t: Term, scope: Set<string>): Term {
    const n = (x: Term): Term => this.nestedTerm(x, scope);
    switch (t.type) {
      case "arraycomp":
      case "setcomp": {
        const { body, map } = this.nestedBody(t.body, scope);
        const term = renameTerm(t.term, map);
        const c = this.compile(body, scope, scope);
        this.checkHead([term], c.bound, t);
        const inner = new Set([...scope, ...c.bound]);
        return { ...t, term: this.nestedTerm(term, inner), body: c.body };
      }
      case "objectcomp": {
        const { body, map } = this.nestedBody(t.body, scope);
        const key = renameTerm(t.key, map);
        const value = renameTerm(t.value, map);
        const c = this.compile(body, scope, scope);
        this.checkHead([key, value], c.bound, t);
        const inner = new Set([...scope, ...c.bound]);
        const key2 = this.nestedTerm(key, inner);
        return {
          ...t,
          key: key2,
          value: this.nestedTerm(value, inner),
          body: c.body,
        };
      }
      case "ref":
        return { ...t, head: n(t.head), path: t.path.map(n) };
      case "array":
      case "set":
        return { ...t, items: t.items.map(n) };
      case "object":
        return {
          ...t,
          pairs: t.pairs.map(([k, v]) => [n(k), n(v)] as [Term, Term]),
        };
      case "call":
        return { ...t, args: t.args.map(n) };
      case "template":
        return {
          ...t,
          parts: t.parts.map((p) => (typeof p === "string" ? p : n(p))),
        };
      default:
        return t;
    }
  }

  private nested(l: Literal, scope: Set<string>): Literal {
    const n = (x: Term): Term => this.nestedTerm(x, scope);
    const withs = l.withs.map((w) => ({ ...w, value: n(w.value) }));
    switch (l.kind) {
      case "expr":
        return { ...l, expr: n(l.expr), withs };
      case "some":
        return { ...l, withs };
      case "somein":
        return {
          ...l,
          key: l.key && n(l.key),
          value: n(l.value),
          domain: n(l.domain),
          withs,
        };
      case "every": {
        const decl = [l.value, ...(l.key ? [l.key] : [])];
        const { body, map } = this.nestedBody(l.body, scope, decl);
        const key = l.key && renameTerm(l.key, map);
        const value = renameTerm(l.value, map);
        const inner = new Set(scope);
        const declBound = new Set<string>();
        for (const t of [key, value])
          if (t) forEachVar(t, (v) => declBound.add(v));
        const c = this.compile(
          body,
          new Set([...inner, ...declBound]),
          new Set([...scope, ...declBound]),
        );
        return { ...l, key, value, domain: n(l.domain), body: c.body, withs };
      }
    }
  }

  /** Reports head vars not bound by the body. */
  checkHead(terms: Term[], bound: Set<string>, at: { loc: Term["loc"] }): void {
    const unsafe = new Set<string>();
    for (const t of terms)
      forEachVar(
        t,
        (v) => {
          if (!bound.has(v) && !ROOTS.has(v) && !v.startsWith("$"))
            unsafe.add(v);
        },
        false,
      );
    for (const v of unsafe) this.unsafe(v, at.loc);
  }

  private unsafe(v: string, l: Term["loc"]): void {
    const name = v.replace(/\$\d+$/, "");
    this.errors.push({
      code: "rego_unsafe_var_error",
      message: `var ${name} is unsafe`,
      location: { file: l.file, row: l.row, col: l.col },
    });
  }

  private reorder(
    lits: Literal[],
    scopes: Set<string>[],
    bound: Set<string>,
  ): { body: Literal[]; bound: Set<string> } {
    const info = lits.map((l, i) => this.ioOf(l, scopes[i]!));
    const out: Literal[] = [];
    const placed = new Array<boolean>(lits.length).fill(false);
    let progress = true;
    while (out.length < lits.length && progress) {
      progress = false;
      for (let i = 0; i < lits.length; i++) {
        if (placed[i] || !ready(info[i]!, bound, lits[i]!)) continue;
        placed[i] = true;
        out.push(lits[i]!);
        for (const v of info[i]!.outputs) bound.add(v);
        progress = true;
      }
    }
    for (let i = 0; i < lits.length; i++) {
      if (placed[i]) continue;
      const missing = [...info[i]!.inputs, ...info[i]!.outputs].filter(
        (v) => !bound.has(v),
      );
      const first = [...new Set(missing)].filter((v) => !v.startsWith("$"));
      for (const v of first.length ? first : missing.slice(0, 1))
        this.unsafe(v, lits[i]!.loc);
      out.push(lits[i]!);
    }
    return { body: out, bound };
  }

  /** Input vars (must be bound) and output vars (bound by) a literal. */
  ioOf(
    l: Literal,
    scope: Set<string>,
  ): { inputs: Set<string>; outputs: Set<string> } {
    const io = { inputs: new Set<string>(), outputs: new Set<string>() };
    const w = (t: Term, out: boolean): void => walk(t, out, io, scope);
    for (const x of l.withs)
      if (!(x as { fnValue?: string }).fnValue) w(x.value, false);
    if (l.kind === "some") return io;
    if (l.kind === "somein" || l.kind === "every") {
      w(l.domain, false);
      if (l.kind === "somein") {
        if (l.key) w(l.key, true);
        w(l.value, true);
      } else closureInputs(l.body, scope, io.inputs, [l.key, l.value]);
      return io;
    }
    if (l.negated) {
      forEachVar(
        l.expr,
        (v) => {
          if (!v.startsWith("$") && !ROOTS.has(v)) io.inputs.add(v);
        },
        false,
      );
      const tmp = { inputs: new Set<string>(), outputs: new Set<string>() };
      walk(l.expr, false, tmp, scope);
      for (const v of tmp.inputs) io.inputs.add(v);
      for (const v of [...io.inputs])
        if (v.startsWith("$")) io.inputs.delete(v);
      return io;
    }
    this.exprIO(l.expr, io, scope);
    return io;
  }

  private exprIO(e: Term, io: IO, scope: Set<string>): void {
    if (e.type === "call") {
      if (e.name === "eq" || e.name === "assign") {
        walk(e.args[0]!, true, io, scope);
        walk(e.args[1]!, true, io, scope);
        return;
      }
      const arity = this.arityOf(e.name);
      if (arity !== undefined && e.args.length === arity + 1) {
        e.args.slice(0, arity).forEach((a) => walk(a, false, io, scope));
        walk(e.args[arity]!, true, io, scope);
        return;
      }
    }
    walk(e, false, io, scope);
  }
}

type IO = { inputs: Set<string>; outputs: Set<string> };

function ready(io: IO, bound: Set<string>, l: Literal): boolean {
  for (const v of io.inputs)
    if (!bound.has(v) && !io.outputs.has(v)) return false;
  if (
    l.kind === "expr" &&
    !l.negated &&
    l.expr.type === "call" &&
    l.expr.name === "eq"
  ) {
    const [a, b] = l.expr.args;
    const free = (t: Term): boolean =>
      t.type === "var" && !bound.has(t.name) && !ROOTS.has(t.name);
    if (free(a!) && free(b!)) return false;
  }
  return true;
}

function closureInputs(
  body: Literal[],
  scope: Set<string>,
  inputs: Set<string>,
  exclude: (Term | undefined)[] = [],
): void {
  const ex = new Set<string>();
  for (const t of exclude) if (t) forEachVar(t, (v) => ex.add(v));
  for (const l of body)
    forEachLitVar(l, (v) => {
      if (scope.has(v) && !ex.has(v) && !ROOTS.has(v)) inputs.add(v);
    });
}

function walk(t: Term, out: boolean, io: IO, scope: Set<string>): void {
  switch (t.type) {
    case "var":
      if (!ROOTS.has(t.name)) (out ? io.outputs : io.inputs).add(t.name);
      return;
    case "ref":
      if (t.head.type === "var") {
        if (!ROOTS.has(t.head.name)) io.inputs.add(t.head.name);
      } else walk(t.head, false, io, scope);
      for (const p of t.path) {
        if (p.type === "var") io.outputs.add(p.name);
        else walk(p, p.type === "array" || p.type === "object", io, scope);
      }
      return;
    case "array":
      t.items.forEach((i) => walk(i, out, io, scope));
      return;
    case "object":
      t.pairs.forEach(([k, v]) => {
        walk(k, false, io, scope);
        walk(v, out, io, scope);
      });
      return;
    case "set":
      t.items.forEach((i) => walk(i, false, io, scope));
      return;
    case "call":
      t.args.forEach((a) => walk(a, false, io, scope));
      return;
    case "template":
      t.parts.forEach(
        (p) => typeof p !== "string" && walk(p, false, io, scope),
      );
      return;
    case "arraycomp":
    case "setcomp":
    case "objectcomp": {
      const heads = t.type === "objectcomp" ? [t.key, t.value] : [t.term];
      const lit: Literal = {
        kind: "expr",
        expr: { type: "array", items: heads, loc: t.loc },
        negated: false,
        withs: [],
        loc: t.loc,
      };
      closureInputs([...t.body, lit], scope, io.inputs);
      return;
    }
    default:
  }
}

export { RegoError };
