import type { Literal, Term } from "../ast.js";
import type { CompiledModules, CRule } from "../compile/compileModules.js";
import type { ResolvedWith } from "../compile/resolve.js";
import type { RuleNode } from "../compile/RuleNode.js";
import {
  BuiltinError,
  getBuiltin,
  type BuiltinCtx,
} from "../builtins/registry.js";
import { RegoError } from "../RegoError.js";
import { equal, RObject, RSet, type Value } from "../value.js";
import { templateText } from "./templateText.js";
import { formatValue } from "../builtins/formatValue.js";
import { upsert, mergeValues, getChild } from "./valueOps.js";
import {
  conflict,
  insertPath,
  insertSet,
  isPrefix,
  mergeChild,
} from "./ruleValues.js";

/** Variable bindings of one rule / query evaluation. */
export type Env = Map<string, Value>;
type Cb = () => boolean;
type VCb = (v: Value) => boolean;

/** Options of one evaluation. */
export interface EvalState {
  input: Value | undefined;
  data: Value;
  strict: boolean;
  maxSteps: number;
  deadline: number;
  print: (msg: string) => void;
}

const NONE = Symbol("none");
const STOP = (): boolean => true;

interface FnMemo {
  args: Value[];
  result: Value | undefined;
}

function sameArgs(a: Value[], b: Value[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 1; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
const CONSTS = new WeakMap<Term, Value | typeof NONE>();

/** The value of a composite literal without variables, refs or calls
 * (computed once, iteratively deep, so huge literals cost no stack). */
function constantOf(t: Term): Value | undefined {
  const hit = CONSTS.get(t);
  if (hit !== undefined) return hit === NONE ? undefined : hit;
  let v: Value | undefined;
  if (t.type === "scalar") v = t.value;
  else if (t.type === "array" || t.type === "set") {
    const items: Value[] = [];
    for (const i of t.items) {
      const x = constantOf(i);
      if (x === undefined) break;
      items.push(x);
    }
    if (items.length === t.items.length)
      v = t.type === "array" ? items : RSet.from(items);
  } else if (t.type === "object") {
    const o = new RObject();
    for (const [k, x] of t.pairs) {
      const kv = constantOf(k);
      const xv = constantOf(x);
      if (kv === undefined || xv === undefined) break;
      o.set(kv, xv);
    }
    if (o.size === t.pairs.length || t.pairs.length === 0) v = o;
    if (o.size !== new Set(t.pairs.map(([k]) => constantOf(k))).size)
      v = undefined;
  }
  if (t.type !== "scalar") CONSTS.set(t, v === undefined ? NONE : v);
  return v;
}

/** A single-valued term: the vars it needs bound and its compiled value
 * (as {@link Evaluator.evalOne} gives it, undefined: no value). */
interface Single {
  vars: string[];
  fn: OneFn;
}
type OneFn = (ev: Evaluator, env: Env) => Value | undefined;

/** Single-valued terms (single null: not single), with the modules they
 * were compiled against (closures capture their functions). */
const SINGLE = new WeakMap<
  Term,
  { cm: CompiledModules; single: Single | null }
>();

/** Whether `t` has at most one value once its vars are bound (then its
 * compiled closure evaluates it without callbacks), else null. */
function singleOf(t: Term, cm: CompiledModules): Single | null {
  const hit = SINGLE.get(t);
  if (hit !== undefined && hit.cm === cm) return hit.single;
  const out: string[] = [];
  const ok = collectSingle(t, cm, out);
  const r = ok ? { vars: [...new Set(out)], fn: compileOne(t, cm) } : null;
  SINGLE.set(t, { cm, single: r });
  return r;
}

function allBound(vars: string[], env: Env): boolean {
  for (let i = 0; i < vars.length; i++) if (!env.has(vars[i]!)) return false;
  return true;
}

/** Compiles a term {@link collectSingle} accepts into a closure computing
 * what {@link Evaluator.evalOne} would. */
function compileOne(t: Term, cm: CompiledModules): OneFn {
  switch (t.type) {
    case "scalar": {
      const v = t.value;
      return () => v;
    }
    case "var": {
      const name = t.name;
      return (ev, env) => {
        const v = env.get(name);
        return v !== undefined ? v : ev.evalOne(t, env);
      };
    }
    case "ref":
      return compileRef(t, cm);
    case "array":
    case "set": {
      const c = constantOf(t);
      if (c !== undefined) return () => c;
      const fns = t.items.map((i) => compileOne(i, cm));
      const n = fns.length;
      const isSet = t.type === "set";
      return (ev, env) => {
        const out = new Array<Value>(n);
        for (let i = 0; i < n; i++) {
          const v = fns[i]!(ev, env);
          if (v === undefined) return undefined;
          out[i] = v;
        }
        return isSet ? RSet.from(out) : out;
      };
    }
    case "object": {
      const c = constantOf(t);
      if (c !== undefined) return () => c;
      const fns = t.pairs.flatMap(([k, v]) => [
        compileOne(k, cm),
        compileOne(v, cm),
      ]);
      return (ev, env) => {
        const vs = new Array<Value>(fns.length);
        for (let i = 0; i < fns.length; i++) {
          const v = fns[i]!(ev, env);
          if (v === undefined) return undefined;
          vs[i] = v;
        }
        const o = new RObject();
        for (let i = 0; i < vs.length; i += 2) o.set(vs[i]!, vs[i + 1]!);
        return o;
      };
    }
    case "call": {
      const { name, loc } = t;
      const fns = t.args.map((a) => compileOne(a, cm));
      const n = fns.length;
      const rules = cm.funcs.get(name);
      const b = rules ? undefined : getBuiltin(name);
      return (ev, env) => {
        const args = new Array<Value>(n);
        for (let i = 0; i < n; i++) {
          const v = fns[i]!(ev, env);
          if (v === undefined) return undefined;
          args[i] = v;
        }
        if (ev.fnOverrides.size) return ev.callOne(name, args, loc);
        if (rules) return ev.callUser(rules, args);
        if (!b?.multi) return ev.runBuiltin(b, name, args, loc);
        return ev.callOne(name, args, loc);
      };
    }
    default:
      return (ev, env) => {
        let out: Value | undefined;
        ev.evalTerm(t, env, (v) => ((out = v), true));
        return out;
      };
  }
}

function compileRef(t: Term & { type: "ref" }, cm: CompiledModules): OneFn {
  const { head: h, path } = t;
  const fns = path.map((p) => compileOne(p, cm));
  const n = fns.length;
  const keys = path.every((p) => p.type === "scalar")
    ? path.map((p) => (p as { value: Value }).value)
    : undefined;
  const walk = keys
    ? (_ev: Evaluator, v: Value): Value | undefined => {
        // Constant keys: no per-segment closure calls.
        let cur: Value | undefined = v;
        for (let i = 0; i < n && cur !== undefined; i++)
          cur = getChild(cur, keys[i]!);
        return cur;
      }
    : (ev: Evaluator, v: Value, env: Env): Value | undefined => {
        let cur: Value | undefined = v;
        for (let i = 0; i < n; i++) {
          const k = fns[i]!(ev, env);
          if (k === undefined) return undefined;
          cur = getChild(cur, k);
          if (cur === undefined) return undefined;
        }
        return cur;
      };
  if (h.type !== "var") {
    const head = compileOne(h, cm);
    return (ev, env) => {
      const v = head(ev, env);
      return v === undefined ? undefined : walk(ev, v, env);
    };
  }
  const name = h.name;
  if (name === "data") {
    // The rule tree node a static prefix of the path reaches, as nodeOne
    // finds it (the first node with rules, or the path's end).
    let node = cm.root;
    let d = 0;
    while (d < n && !node.rules.length) {
      const seg = path[d]!;
      if (seg.type !== "scalar" || typeof seg.value !== "string") break;
      const c = node.children.get(seg.value);
      if (c === undefined) break;
      node = c;
      d++;
    }
    if (node.rules.length || d === n) {
      const keys = path.slice(0, d).map((p) => (p as { value: string }).value);
      const target = node;
      return (ev, env) => {
        const v = env.get(name);
        if (v !== undefined) return walk(ev, v, env);
        if (ev.dataOverrides.length)
          return ev.nodeOne(ev.cm.root, ev.st.data, path, 0, env);
        let base: Value | undefined = ev.st.data;
        for (let i = 0; i < d && base !== undefined; i++)
          base = getChild(base, keys[i]!);
        let cur = ev.materialize(target, base);
        for (let i = d; i < n && cur !== undefined; i++) {
          const k = fns[i]!(ev, env);
          cur = k === undefined ? undefined : getChild(cur, k);
        }
        return cur;
      };
    }
    return (ev, env) => {
      const v = env.get(name);
      if (v !== undefined) return walk(ev, v, env);
      return ev.nodeOne(ev.cm.root, ev.st.data, path, 0, env);
    };
  }
  if (name === "input")
    return (ev, env) => {
      const v = env.get(name);
      if (v !== undefined) return walk(ev, v, env);
      return ev.input === undefined ? undefined : walk(ev, ev.input, env);
    };
  return (ev, env) => {
    const v = env.get(name);
    if (v !== undefined) return walk(ev, v, env);
    const hv = ev.evalOne(h, env);
    return hv === undefined ? undefined : walk(ev, hv, env);
  };
}

function collectSingle(t: Term, cm: CompiledModules, out: string[]): boolean {
  switch (t.type) {
    case "scalar":
      return true;
    case "var":
      if (t.name !== "input" && t.name !== "data") out.push(t.name);
      return true;
    case "ref":
      return (
        collectSingle(t.head, cm, out) &&
        t.path.every((p) => collectSingle(p, cm, out))
      );
    case "array":
    case "set":
      return t.items.every((i) => collectSingle(i, cm, out));
    case "object":
      return t.pairs.every(
        ([k, v]) => collectSingle(k, cm, out) && collectSingle(v, cm, out),
      );
    case "call": {
      if (t.name === "print") return false;
      if (!cm.funcs.has(t.name)) {
        const b = getBuiltin(t.name);
        if (!b || b.multi) return false;
      }
      return t.args.every((a) => collectSingle(a, cm, out));
    }
    default:
      return false;
  }
}

const RULES = new WeakMap<RuleNode, { complete: CRule[]; sets: CRule[] }>();

/** A node's complete rules and set rules defined at its own path. */
function rulesOf(node: RuleNode): { complete: CRule[]; sets: CRule[] } {
  let r = RULES.get(node);
  if (r === undefined) {
    const depth = node.path.length;
    const at = node.rules.filter((x) => x.path.length === depth);
    r = {
      complete: at.filter((x) => x.kind === "single"),
      sets: at.filter((x) => x.kind === "set"),
    };
    RULES.set(node, r);
  }
  return r;
}

const LIT_OTHER = 0;
/** An expression (maybe negated) with no output argument, not `=`/`:=`. */
const LIT_TEST = 1;
/** `var := term` or `var = term` (not negated). */
const LIT_BIND = 2;
/** `some var in term` (no key). */
const LIT_SOMEIN = 3;

/** How {@link Evaluator.evalBody} runs one literal, computed once. */
interface Step {
  kind: number;
  /** LIT_TEST: the expression, when single-valued; LIT_BIND: the
   * right-hand side, when single-valued. */
  single: Single | null;
  /** LIT_BIND: the bound var; LIT_SOMEIN: the value var. */
  name: string;
}
const PLANS = new WeakMap<Literal[], { cm: CompiledModules; steps: Step[] }>();

function planOf(lits: Literal[], cm: CompiledModules): Step[] {
  const hit = PLANS.get(lits);
  if (hit !== undefined && hit.cm === cm) return hit.steps;
  const steps = lits.map((l) => stepOf(l, cm));
  PLANS.set(lits, { cm, steps });
  return steps;
}

function stepOf(l: Literal, cm: CompiledModules): Step {
  const none: Step = { kind: LIT_OTHER, single: null, name: "" };
  if (l.withs.length) return none;
  if (l.kind === "somein") {
    const v = l.value;
    if (l.key || v.type !== "var" || v.name === "input" || v.name === "data")
      return none;
    return { kind: LIT_SOMEIN, single: singleOf(l.domain, cm), name: v.name };
  }
  if (l.kind !== "expr") return none;
  const e = l.expr;
  if (e.type !== "call")
    return { kind: LIT_TEST, single: singleOf(e, cm), name: "" };
  if (e.name === "eq" || e.name === "assign") {
    const [a, b] = e.args as [Term, Term];
    if (l.negated || a.type !== "var") return none;
    return { kind: LIT_BIND, single: singleOf(b, cm), name: a.name };
  }
  const ar = cm.arityOf(e.name);
  if (ar !== undefined && e.args.length === ar + 1) return none;
  return { kind: LIT_TEST, single: singleOf(e, cm), name: "" };
}

const PLAIN = new WeakMap<Term[], boolean>();

/** True when function parameters are distinct vars (not input or data). */
function plainParams(params: Term[]): boolean {
  let r = PLAIN.get(params);
  if (r === undefined) {
    const names = params.map((p) => (p.type === "var" ? p.name : ""));
    r =
      names.every((n) => n !== "" && n !== "input" && n !== "data") &&
      new Set(names).size === names.length;
    PLAIN.set(params, r);
  }
  return r;
}

/** What builtins see of an evaluation; `where` is formatted on demand. */
class Ctx implements BuiltinCtx {
  memo: Map<string, Value>;
  print: (msg: string) => void;
  meta?: { chain: Value; rule: Value } = undefined;
  /** Location of the builtin call being evaluated. */
  loc: Term["loc"] | undefined = undefined;
  constructor(private readonly ev: Evaluator) {
    this.memo = ev.memo;
    this.print = ev.st.print;
  }
  get where(): string {
    return this.loc ? `${this.loc.file}:${this.loc.row}` : "";
  }
  call(name: string, args: Value[]): Value | undefined {
    let out: Value | undefined;
    this.ev.callFn(name, args, { file: "", row: 0, col: 0 }, (v) => {
      out = v;
      return true;
    });
    return out;
  }
}

/** Top-down evaluator with CPS backtracking; callbacks return true to stop. */
export class Evaluator {
  input: Value | undefined;
  cache = new Map<RuleNode, Value | typeof NONE>();
  /** Results of user function calls in this evaluation, keyed by the
   * function, then its first argument; entries hold the other arguments
   * (compared by identity, so a hit means equal arguments). */
  fcache = new Map<CRule[], Map<unknown, FnMemo[]>>();
  dataOverrides: { path: string[]; value: Value }[] = [];
  fnOverrides = new Map<string, { value?: Value; fn?: string }>();
  memo = new Map<string, Value>();
  steps = 0;
  private ctx: Ctx;

  constructor(
    readonly cm: CompiledModules,
    readonly st: EvalState,
  ) {
    this.input = st.input;
    this.ctx = new Ctx(this);
  }

  tick(): void {
    this.steps++;
    if (this.steps > this.st.maxSteps)
      throw RegoError.single(
        "eval_cancel_error",
        `evaluation step limit exceeded (${this.st.maxSteps} steps)`,
      );
    if ((this.steps & 1023) === 0 && Date.now() > this.st.deadline)
      throw RegoError.single(
        "eval_cancel_error",
        "evaluation time limit exceeded",
      );
  }

  evalBody(lits: Literal[], i: number, env: Env, cb: Cb): boolean {
    return this.evalPlan(planOf(lits, this.cm), lits, i, env, cb);
  }

  private evalPlan(
    plan: Step[],
    lits: Literal[],
    i: number,
    env: Env,
    cb: Cb,
  ): boolean {
    // Literals with at most one solution run in this loop, without
    // callbacks: tests of single-valued terms and `x := term`.
    const start = i;
    let r: boolean;
    for (;;) {
      if (i === lits.length) {
        r = cb();
        break;
      }
      const st = plan[i]!;
      const single = st.single;
      if (st.kind === LIT_TEST && single && allBound(single.vars, env)) {
        this.tick();
        const v = single.fn(this, env);
        const neg = (lits[i] as Literal & { kind: "expr" }).negated;
        if ((v !== undefined && v !== false) === neg) {
          r = false;
          break;
        }
      } else if (st.kind === LIT_BIND) {
        const name = st.name;
        if (
          env.has(name) ||
          name === "input" ||
          name === "data" ||
          !single ||
          !allBound(single.vars, env)
        ) {
          r = this.evalLitNext(plan, lits, i, env, cb);
          break;
        }
        this.tick();
        const v = single.fn(this, env);
        if (v === undefined) {
          r = false;
          break;
        }
        env.set(name, v);
      } else if (
        st.kind === LIT_SOMEIN &&
        single &&
        !env.has(st.name) &&
        allBound(single.vars, env)
      ) {
        this.tick();
        const coll = single.fn(this, env);
        r =
          coll !== undefined &&
          this.eachIn(plan, lits, i + 1, st.name, coll, env, cb);
        break;
      } else {
        r = this.evalLitNext(plan, lits, i, env, cb);
        break;
      }
      i++;
    }
    // Every `x := term` step before i bound its var in this loop.
    for (let j = start; j < i; j++)
      if (plan[j]!.kind === LIT_BIND) env.delete(plan[j]!.name);
    return r;
  }

  /** Runs the rest of a body with `name` bound to each element of a
   * collection in turn (as bindEach). */
  private eachIn(
    plan: Step[],
    lits: Literal[],
    i: number,
    name: string,
    coll: Value,
    env: Env,
    cb: Cb,
  ): boolean {
    let r = false;
    if (Array.isArray(coll)) {
      for (let j = 0; j < coll.length && !r; j++) {
        env.set(name, coll[j]!);
        r = this.evalPlan(plan, lits, i, env, cb);
      }
    } else if (coll instanceof RObject) {
      for (const e of coll.entries()) {
        env.set(name, e[1]);
        if ((r = this.evalPlan(plan, lits, i, env, cb))) break;
      }
    } else if (coll instanceof RSet) {
      for (const v of coll.values()) {
        env.set(name, v);
        if ((r = this.evalPlan(plan, lits, i, env, cb))) break;
      }
    }
    env.delete(name);
    return r;
  }

  private evalLitNext(
    plan: Step[],
    lits: Literal[],
    i: number,
    env: Env,
    cb: Cb,
  ): boolean {
    return this.evalLit(lits[i]!, env, () =>
      this.evalPlan(plan, lits, i + 1, env, cb),
    );
  }

  evalLit(l: Literal, env: Env, cb: Cb): boolean {
    this.tick();
    if (l.withs.length) return this.evalWith(l, env, cb);
    switch (l.kind) {
      case "expr":
        if (l.negated) return this.evalExpr(l.expr, env, STOP) ? false : cb();
        return this.evalExpr(l.expr, env, cb);
      case "some":
        return cb();
      case "somein": {
        const one = l.key ? null : this.one(l.domain, env);
        if (one && this.isUnbound(l.value, env)) {
          const coll = one.fn(this, env);
          return coll === undefined
            ? false
            : this.bindEach(l.value.name, coll, env, cb);
        }
        return this.evalTerm(l.domain, env, (coll) =>
          this.iterate(coll, (k, v) =>
            l.key
              ? this.unifyValue(l.key, k, env, () =>
                  this.unifyValue(l.value, v, env, cb),
                )
              : this.unifyValue(l.value, v, env, cb),
          ),
        );
      }
      case "every":
        return this.evalEvery(l, env, cb);
    }
  }

  private evalEvery(l: Literal & { kind: "every" }, env: Env, cb: Cb): boolean {
    return this.evalTerm(l.domain, env, (coll) => {
      if (coll === null || typeof coll !== "object") return false;
      const ok = !this.iterate(coll, (k, v) => {
        const body = (): boolean => this.evalBody(l.body, 0, env, () => true);
        const found = this.unifyValue(l.value, v, env, () =>
          l.key ? this.unifyValue(l.key, k, env, body) : body(),
        );
        return !found;
      });
      return ok ? cb() : false;
    });
  }

  /** Binds `name` to each element of a collection in turn (as unifyValue
   * with an unbound var would); stops when cb returns true. */
  private bindEach(name: string, coll: Value, env: Env, cb: Cb): boolean {
    let r = false;
    if (Array.isArray(coll)) {
      for (let i = 0; i < coll.length && !r; i++) {
        env.set(name, coll[i]!);
        r = cb();
      }
    } else if (coll instanceof RObject) {
      for (const e of coll.entries()) {
        env.set(name, e[1]);
        if ((r = cb())) break;
      }
    } else if (coll instanceof RSet) {
      for (const v of coll.values()) {
        env.set(name, v);
        if ((r = cb())) break;
      }
    }
    env.delete(name);
    return r;
  }

  /** Iterates a collection's (key, value) pairs; stops when f returns true. */
  iterate(coll: Value, f: (k: Value, v: Value) => boolean): boolean {
    if (Array.isArray(coll)) {
      for (let i = 0; i < coll.length; i++) if (f(i, coll[i]!)) return true;
    } else if (coll instanceof RObject) {
      for (const [k, v] of coll.entries()) if (f(k, v)) return true;
    } else if (coll instanceof RSet) {
      for (const v of coll.values()) if (f(v, v)) return true;
    }
    return false;
  }

  private evalWith(l: Literal, env: Env, cb: Cb): boolean {
    const withs = l.withs as ResolvedWith[];
    const vals: (Value | undefined)[] = [];
    for (const w of withs) {
      if (w.fnValue) {
        vals.push(undefined);
        continue;
      }
      let got: Value | undefined;
      this.evalTerm(w.value, env, (v) => {
        got = v;
        return true;
      });
      if (got === undefined) return false;
      vals.push(got);
    }
    const saved = this.snapshot();
    withs.forEach((w, i) => this.applyWith(w, vals[i], env));
    const inner = this.snapshot();
    const bare: Literal = { ...l, withs: [] };
    try {
      return this.evalLit(bare, env, () => {
        this.restore(saved);
        try {
          return cb();
        } finally {
          this.restore(inner);
        }
      });
    } finally {
      this.restore(saved);
    }
  }

  private snapshot(): [
    Value | undefined,
    typeof this.dataOverrides,
    typeof this.fnOverrides,
    typeof this.cache,
    typeof this.fcache,
  ] {
    return [
      this.input,
      this.dataOverrides,
      this.fnOverrides,
      this.cache,
      this.fcache,
    ];
  }

  private restore(s: ReturnType<Evaluator["snapshot"]>): void {
    [
      this.input,
      this.dataOverrides,
      this.fnOverrides,
      this.cache,
      this.fcache,
    ] = s;
  }

  private applyWith(w: ResolvedWith, v: Value | undefined, env: Env): void {
    this.cache = new Map();
    this.fcache = new Map();
    if (w.kind === "fn") {
      const m = new Map(this.fnOverrides);
      m.set(w.fnName!, w.fnValue ? { fn: w.fnValue } : { value: v! });
      this.fnOverrides = m;
      return;
    }
    const path =
      w.target.type === "ref"
        ? w.target.path.map((p) => this.groundOf(p, env))
        : [];
    if (w.kind === "input") this.input = upsert(this.input, path, v!);
    else
      this.dataOverrides = [
        ...this.dataOverrides.filter((o) => !isPrefix(path, o.path)),
        { path: path.map(String), value: v! },
      ];
  }

  private groundOf(t: Term, env: Env): Value {
    let out: Value = null;
    this.evalTerm(t, env, (v) => {
      out = v;
      return true;
    });
    return out;
  }

  evalExpr(e: Term, env: Env, cb: Cb): boolean {
    if (e.type === "call") {
      if (e.name === "eq" || e.name === "assign")
        return this.unify(e.args[0]!, e.args[1]!, env, cb);
      const ar = this.cm.arityOf(e.name);
      if (ar !== undefined && e.args.length === ar + 1) {
        const out = e.args[ar]!;
        return this.evalArgs(e.args, 0, ar, [], env, (args) =>
          this.callFn(e.name, args, e.loc, (v) =>
            this.unifyValue(out, v, env, cb),
          ),
        );
      }
    }
    return this.evalTerm(e, env, (v) => (v === false ? false : cb()));
  }

  private isUnbound(t: Term, env: Env): t is Term & { type: "var" } {
    return (
      t.type === "var" &&
      !env.has(t.name) &&
      t.name !== "input" &&
      t.name !== "data"
    );
  }

  private hasUnbound(t: Term, env: Env): boolean {
    if (t.type === "var") return this.isUnbound(t, env);
    if (t.type === "array") return t.items.some((i) => this.hasUnbound(i, env));
    if (t.type === "object")
      return t.pairs.some(([, v]) => this.hasUnbound(v, env));
    return false;
  }

  bind(name: string, v: Value, env: Env, cb: Cb): boolean {
    env.set(name, v);
    const r = cb();
    env.delete(name);
    return r;
  }

  unify(a: Term, b: Term, env: Env, cb: Cb): boolean {
    if (this.isUnbound(a, env)) {
      const one = this.one(b, env);
      if (one) {
        const v = one.fn(this, env);
        return v === undefined ? false : this.bind(a.name, v, env, cb);
      }
      return this.evalTerm(b, env, (v) => this.bind(a.name, v, env, cb));
    }
    if (this.isUnbound(b, env))
      return this.evalTerm(a, env, (v) => this.bind(b.name, v, env, cb));
    if (a.type === "array" && b.type === "array") {
      if (a.items.length !== b.items.length) return false;
      const step = (i: number): boolean =>
        i === a.items.length
          ? cb()
          : this.unify(a.items[i]!, b.items[i]!, env, () => step(i + 1));
      return step(0);
    }
    if (a.type === "object" && b.type === "object" && this.hasUnbound(b, env))
      return this.unifyObjects(a, b, env, cb);
    if (this.hasUnbound(a, env))
      return this.evalTerm(b, env, (v) => this.unifyValue(a, v, env, cb));
    if (this.hasUnbound(b, env))
      return this.evalTerm(a, env, (v) => this.unifyValue(b, v, env, cb));
    return this.evalTerm(a, env, (va) =>
      this.evalTerm(b, env, (vb) => (equal(va, vb) ? cb() : false)),
    );
  }

  private unifyObjects(
    a: Term & { type: "object" },
    b: Term & { type: "object" },
    env: Env,
    cb: Cb,
  ): boolean {
    if (a.pairs.length !== b.pairs.length) return false;
    const keysA = a.pairs.map(([k]) => this.groundOf(k, env));
    const keysB = b.pairs.map(([k]) => this.groundOf(k, env));
    const order = keysA.map((k) => keysB.findIndex((x) => equal(x, k)));
    if (order.some((i) => i < 0)) return false;
    const step = (i: number): boolean =>
      i === order.length
        ? cb()
        : this.unify(a.pairs[i]![1], b.pairs[order[i]!]![1], env, () =>
            step(i + 1),
          );
    return step(0);
  }

  unifyValue(t: Term, v: Value, env: Env, cb: Cb): boolean {
    switch (t.type) {
      case "var": {
        const name = t.name;
        if (this.isUnbound(t, env)) return this.bind(name, v, env, cb);
        const cur = env.get(name);
        if (cur !== undefined) return equal(cur, v) ? cb() : false;
        break;
      }
      case "scalar":
        return equal(t.value, v) ? cb() : false;
      case "array": {
        if (!Array.isArray(v) || v.length !== t.items.length) return false;
        const step = (i: number): boolean =>
          i === v.length
            ? cb()
            : this.unifyValue(t.items[i]!, v[i]!, env, () => step(i + 1));
        return step(0);
      }
      case "object": {
        if (!(v instanceof RObject) || v.size !== t.pairs.length) return false;
        const step = (i: number): boolean => {
          if (i === t.pairs.length) return cb();
          const [kt, vt] = t.pairs[i]!;
          return this.evalTerm(kt, env, (k) => {
            const x = v.get(k);
            return x === undefined
              ? false
              : this.unifyValue(vt, x, env, () => step(i + 1));
          });
        };
        return step(0);
      }
      default:
    }
    return this.evalTerm(t, env, (x) => (equal(x, v) ? cb() : false));
  }

  evalArgs(
    ts: Term[],
    i: number,
    n: number,
    acc: Value[],
    env: Env,
    cb: (vs: Value[]) => boolean,
  ): boolean {
    if (i === n) return cb(acc.slice(0, n));
    return this.evalTerm(ts[i]!, env, (v) => {
      acc[i] = v;
      return this.evalArgs(ts, i + 1, n, acc, env, cb);
    });
  }

  /** print(): undefined operands print as <undefined>, as in OPA. */
  private evalPrint(args: Term[], env: Env): boolean {
    const parts = args.map((a) => {
      let out = "<undefined>";
      this.evalTerm(a, env, (v) => {
        out = typeof v === "string" ? v : formatValue(v);
        return true;
      });
      return out;
    });
    this.st.print(parts.join(" "));
    return true;
  }

  /** Evaluates args, bare unbound vars last (bound by refs in others). */
  private evalArgsLate(
    ts: Term[],
    env: Env,
    cb: (vs: Value[]) => boolean,
  ): boolean {
    const order = ts.map((_t, i) => i);
    order.sort(
      (x, y) =>
        Number(this.isUnbound(ts[x]!, env)) -
        Number(this.isUnbound(ts[y]!, env)),
    );
    const sorted = order.map((i) => ts[i]!);
    return this.evalArgs(sorted, 0, sorted.length, [], env, (vs) => {
      const out: Value[] = new Array<Value>(vs.length);
      order.forEach((i, j) => (out[i] = vs[j]!));
      return cb(out);
    });
  }

  evalTerm(t: Term, env: Env, cb: VCb): boolean {
    switch (t.type) {
      case "scalar":
        return cb(t.value);
      case "var": {
        const v = env.get(t.name);
        if (v !== undefined) return cb(v);
        if (t.name === "input")
          return this.input === undefined ? false : cb(this.input);
        if (t.name === "data") return this.evalData([], env, cb);
        throw RegoError.single(
          "rego_unsafe_var_error",
          `var ${t.name} is unsafe`,
          t.loc,
        );
      }
      case "ref": {
        const one = this.one(t, env);
        if (one) {
          const v = one.fn(this, env);
          return v === undefined ? false : cb(v);
        }
        return this.evalRef(t, env, cb);
      }
      case "array": {
        const c = constantOf(t);
        if (c !== undefined) return cb(c);
        const one = this.one(t, env);
        if (one) {
          const v = one.fn(this, env);
          return v === undefined ? false : cb(v);
        }
        return this.evalArgs(t.items, 0, t.items.length, [], env, cb);
      }
      case "set":
        if (constantOf(t) !== undefined) return cb(constantOf(t)!);
        return this.evalArgs(t.items, 0, t.items.length, [], env, (vs) =>
          cb(RSet.from(vs)),
        );
      case "object": {
        const c = constantOf(t);
        if (c !== undefined) return cb(c);
        return this.evalObject(t.pairs, env, cb);
      }
      case "arraycomp": {
        const out: Value[] = [];
        this.evalBody(t.body, 0, env, () =>
          this.evalTerm(t.term, env, (v) => (out.push(v), false)),
        );
        return cb(out);
      }
      case "setcomp": {
        const out = new RSet();
        this.evalBody(t.body, 0, env, () =>
          this.evalTerm(t.term, env, (v) => (out.add(v), false)),
        );
        return cb(out);
      }
      case "objectcomp":
        return cb(this.objectComp(t, env));
      case "call": {
        if (t.name === "print" && !this.fnOverrides.has("print"))
          return this.evalPrint(t.args, env) && cb(true);
        const one = this.one(t, env);
        if (one) {
          const v = one.fn(this, env);
          return v === undefined ? false : cb(v);
        }
        if (t.args.some((a) => this.isUnbound(a, env)))
          return this.evalArgsLate(t.args, env, (args) =>
            this.callFn(t.name, args, t.loc, cb),
          );
        return this.evalArgs(t.args, 0, t.args.length, [], env, (args) =>
          this.callFn(t.name, args, t.loc, cb),
        );
      }
      case "template":
        return cb(templateText(this, t.parts, env));
    }
  }

  private objectComp(t: Term & { type: "objectcomp" }, env: Env): RObject {
    const out = new RObject();
    this.evalBody(t.body, 0, env, () =>
      this.evalTerm(t.key, env, (k) =>
        this.evalTerm(t.value, env, (v) => {
          const cur = out.get(k);
          if (cur !== undefined && !equal(cur, v))
            throw RegoError.single(
              "eval_conflict_error",
              "object keys must be unique",
              t.loc,
            );
          out.set(k, v);
          return false;
        }),
      ),
    );
    return out;
  }

  private evalObject(pairs: [Term, Term][], env: Env, cb: VCb): boolean {
    const flat = pairs.flat();
    return this.evalArgs(flat, 0, flat.length, [], env, (vs) => {
      const o = new RObject();
      for (let i = 0; i < vs.length; i += 2) o.set(vs[i]!, vs[i + 1]!);
      return cb(o);
    });
  }

  /** The single-valued form of `t` when its vars are bound in `env`. */
  private one(t: Term, env: Env): Single | null {
    const s = singleOf(t, this.cm);
    return s !== null && allBound(s.vars, env) ? s : null;
  }

  /** The value of a term {@link singleOf} accepts (undefined: none), as
   * evalTerm would give it, without callbacks. */
  evalOne(t: Term, env: Env): Value | undefined {
    switch (t.type) {
      case "scalar":
        return t.value;
      case "var": {
        const v = env.get(t.name);
        if (v !== undefined) return v;
        if (t.name === "input") return this.input;
        return this.nodeOne(this.cm.root, this.st.data, [], 0, env);
      }
      case "ref": {
        const h = t.head;
        if (h.type === "var") {
          const v = env.get(h.name);
          if (v !== undefined) return this.walkOne(v, t.path, 0, env);
          if (h.name === "data")
            return this.nodeOne(this.cm.root, this.st.data, t.path, 0, env);
          if (h.name === "input")
            return this.input === undefined
              ? undefined
              : this.walkOne(this.input, t.path, 0, env);
        }
        const v = this.evalOne(h, env);
        return v === undefined ? undefined : this.walkOne(v, t.path, 0, env);
      }
      case "array": {
        const c = constantOf(t);
        if (c !== undefined) return c;
        const out = new Array<Value>(t.items.length);
        for (let i = 0; i < t.items.length; i++) {
          const v = this.evalOne(t.items[i]!, env);
          if (v === undefined) return undefined;
          out[i] = v;
        }
        return out;
      }
      case "set": {
        const c = constantOf(t);
        if (c !== undefined) return c;
        const out = new RSet();
        for (const it of t.items) {
          const v = this.evalOne(it, env);
          if (v === undefined) return undefined;
          out.add(v);
        }
        return out;
      }
      case "object": {
        const c = constantOf(t);
        if (c !== undefined) return c;
        const vs: Value[] = [];
        for (const [kt, vt] of t.pairs) {
          const k = this.evalOne(kt, env);
          if (k === undefined) return undefined;
          const v = this.evalOne(vt, env);
          if (v === undefined) return undefined;
          vs.push(k, v);
        }
        const o = new RObject();
        for (let i = 0; i < vs.length; i += 2) o.set(vs[i]!, vs[i + 1]!);
        return o;
      }
      case "call": {
        const args = new Array<Value>(t.args.length);
        for (let i = 0; i < t.args.length; i++) {
          const v = this.evalOne(t.args[i]!, env);
          if (v === undefined) return undefined;
          args[i] = v;
        }
        return this.callOne(t.name, args, t.loc);
      }
      default: {
        let out: Value | undefined;
        this.evalTerm(t, env, (v) => ((out = v), true));
        return out;
      }
    }
  }

  private walkOne(
    v: Value,
    path: Term[],
    i: number,
    env: Env,
  ): Value | undefined {
    let cur: Value | undefined = v;
    for (; i < path.length; i++) {
      const k = this.evalOne(path[i]!, env);
      if (k === undefined) return undefined;
      cur = getChild(cur, k);
      if (cur === undefined) return undefined;
    }
    return cur;
  }

  nodeOne(
    node: RuleNode,
    base: Value | undefined,
    path: Term[],
    i: number,
    env: Env,
  ): Value | undefined {
    if (this.dataOverrides.length) {
      const ov = this.override(node.path);
      if (ov !== undefined) return this.walkOne(ov, path, i, env);
    }
    if (node.rules.length || i === path.length) {
      const v = this.materialize(node, base);
      return v === undefined ? undefined : this.walkOne(v, path, i, env);
    }
    const k = this.evalOne(path[i]!, env);
    if (k === undefined) return undefined;
    const child = typeof k === "string" ? node.children.get(k) : undefined;
    const b = base === undefined ? undefined : getChild(base, k);
    if (child) return this.nodeOne(child, b, path, i + 1, env);
    const v = this.dataOverrides.length
      ? this.overlay([...node.path, String(k)], b)
      : b;
    if (v === undefined) return undefined;
    return this.walkOne(v, path, i + 1, env);
  }

  /** callFn for a single-valued function, returning its value. */
  callOne(name: string, args: Value[], loc: Term["loc"]): Value | undefined {
    if (!this.fnOverrides.size) {
      const rules = this.cm.funcs.get(name);
      if (rules) return this.callUser(rules, args);
      const b = getBuiltin(name);
      if (!b?.multi) return this.runBuiltin(b, name, args, loc);
    }
    let out: Value | undefined;
    this.callFn(name, args, loc, (v) => ((out = v), true));
    return out;
  }

  evalRef(t: Term & { type: "ref" }, env: Env, cb: VCb): boolean {
    const h = t.head;
    if (h.type === "var") {
      const v = env.get(h.name);
      if (v !== undefined) return this.walk(v, t.path, 0, env, cb);
      if (h.name === "data") return this.evalData(t.path, env, cb);
      if (h.name === "input")
        return this.input === undefined
          ? false
          : this.walk(this.input, t.path, 0, env, cb);
    }
    return this.evalTerm(h, env, (v) => this.walk(v, t.path, 0, env, cb));
  }

  walk(v: Value, path: Term[], i: number, env: Env, cb: VCb): boolean {
    if (i === path.length) return cb(v);
    const seg = path[i]!;
    if (seg.type === "var" && this.isUnbound(seg, env)) {
      // As iterate, without a callback per element.
      const name = seg.name;
      let r = false;
      if (Array.isArray(v)) {
        for (let j = 0; j < v.length && !r; j++) {
          this.tick();
          env.set(name, j);
          r = this.walk(v[j]!, path, i + 1, env, cb);
        }
      } else if (v instanceof RObject) {
        for (const e of v.entries()) {
          this.tick();
          env.set(name, e[0]);
          if ((r = this.walk(e[1], path, i + 1, env, cb))) break;
        }
      } else if (v instanceof RSet) {
        for (const x of v.values()) {
          this.tick();
          env.set(name, x);
          if ((r = this.walk(x, path, i + 1, env, cb))) break;
        }
      }
      env.delete(name);
      return r;
    }
    if (this.hasUnbound(seg, env))
      return this.iterate(v, (k, x) =>
        this.unifyValue(seg, k, env, () => this.walk(x, path, i + 1, env, cb)),
      );
    if (seg.type === "scalar") {
      const c = getChild(v, seg.value);
      return c === undefined ? false : this.walk(c, path, i + 1, env, cb);
    }
    return this.evalTerm(seg, env, (k) => {
      const c = getChild(v, k);
      return c === undefined ? false : this.walk(c, path, i + 1, env, cb);
    });
  }

  evalData(path: Term[], env: Env, cb: VCb): boolean {
    return this.evalNode(this.cm.root, this.st.data, path, 0, env, cb);
  }

  private override(p: string[]): Value | undefined {
    for (const o of this.dataOverrides)
      if (o.path.length === p.length && o.path.every((s, i) => s === p[i]))
        return o.value;
    return undefined;
  }

  private evalNode(
    node: RuleNode,
    base: Value | undefined,
    path: Term[],
    i: number,
    env: Env,
    cb: VCb,
  ): boolean {
    if (this.dataOverrides.length) {
      const ov = this.override(node.path);
      if (ov !== undefined) return this.walk(ov, path, i, env, cb);
    }
    if (node.rules.length || i === path.length)
      return this.walkMaterialized(node, base, path, i, env, cb);
    const seg = path[i]!;
    if (this.hasUnbound(seg, env)) {
      // Without base data or overrides here, the node's value has exactly
      // its children's keys: visit them instead of building the value.
      if (
        seg.type === "var" &&
        base === undefined &&
        !this.dataOverrides.length
      )
        return this.eachChild(node, seg.name, path, i, env, cb);
      return this.walkMaterialized(node, base, path, i, env, cb);
    }
    if (seg.type === "scalar")
      return this.nodeChild(node, base, seg.value, path, i, env, cb);
    return this.evalTerm(seg, env, (k) =>
      this.nodeChild(node, base, k, path, i, env, cb),
    );
  }

  /** evalNode's step into key `k` of `node` (path[i] gave `k`). */
  private nodeChild(
    node: RuleNode,
    base: Value | undefined,
    k: Value,
    path: Term[],
    i: number,
    env: Env,
    cb: VCb,
  ): boolean {
    const child = typeof k === "string" ? node.children.get(k) : undefined;
    const b = base === undefined ? undefined : getChild(base, k);
    if (child) return this.evalNode(child, b, path, i + 1, env, cb);
    const v = this.dataOverrides.length
      ? this.overlay([...node.path, String(k)], b)
      : b;
    if (v === undefined) return false;
    return this.walk(v, path, i + 1, env, cb);
  }

  private eachChild(
    node: RuleNode,
    name: string,
    path: Term[],
    i: number,
    env: Env,
    cb: VCb,
  ): boolean {
    let r = false;
    for (const [k, child] of node.children) {
      this.tick();
      env.set(name, k);
      if ((r = this.evalNode(child, undefined, path, i + 1, env, cb))) break;
    }
    env.delete(name);
    return r;
  }

  private walkMaterialized(
    node: RuleNode,
    base: Value | undefined,
    path: Term[],
    i: number,
    env: Env,
    cb: VCb,
  ): boolean {
    const v = this.materialize(node, base);
    return v === undefined ? false : this.walk(v, path, i, env, cb);
  }

  /** The full value of a data node: base data merged with rule values. */
  materialize(node: RuleNode, base: Value | undefined): Value | undefined {
    const hit = this.cache.get(node);
    if (hit !== undefined) return hit === NONE ? undefined : hit;
    let v = node.rules.length ? this.evalRules(node) : undefined;
    if (node.children.size || node.isPackage) {
      const obj = v instanceof RObject ? v.clone() : new RObject();
      for (const [k, child] of node.children) {
        const b = base === undefined ? undefined : getChild(base, k);
        const leaf =
          !child.rules.length && !child.children.size && !child.isPackage;
        if (leaf && b === undefined && !this.overridden(child.path)) continue;
        const cv = this.materialize(child, b);
        if (cv !== undefined) obj.set(k, mergeChild(obj.get(k), cv, node));
      }
      if (v === undefined || v instanceof RObject) v = obj;
    }
    if (base !== undefined) v = v === undefined ? base : mergeValues(base, v);
    v = this.applyOverrides(node.path, v);
    this.cache.set(node, v === undefined ? NONE : v);
    return v;
  }

  private overlay(p: string[], v: Value | undefined): Value | undefined {
    for (const o of this.dataOverrides) {
      if (!isPrefix(p, o.path)) continue;
      v = upsert(v, o.path.slice(p.length), o.value);
    }
    return v;
  }

  private overridden(p: string[]): boolean {
    return this.dataOverrides.some((o) => isPrefix(p, o.path));
  }

  private applyOverrides(p: string[], v: Value | undefined): Value | undefined {
    for (const o of this.dataOverrides) {
      if (o.path.length > p.length && isPrefix(p, o.path))
        v = upsert(v, o.path.slice(p.length), o.value);
    }
    return v;
  }

  private evalRules(node: RuleNode): Value | undefined {
    const depth = node.path.length;
    const { complete, sets } = rulesOf(node);
    if (complete.length) return this.evalComplete(complete);
    if (sets.length === node.rules.length) {
      const out = new RSet();
      for (const r of sets) {
        const key = r.key!;
        this.evalRuleBody(r, (env) => {
          const one = this.one(key, env);
          if (!one) return this.evalTerm(key, env, (k) => (out.add(k), false));
          const k = one.fn(this, env);
          if (k !== undefined) out.add(k);
          return false;
        });
      }
      return out;
    }
    const obj = new RObject();
    for (const r of node.rules) this.evalDynamic(r, depth, obj);
    return obj;
  }

  private evalRuleBody(r: CRule, f: (env: Env) => boolean): void {
    const env: Env = new Map();
    const saved = this.ctx.meta;
    this.ctx.meta = r.meta;
    try {
      this.evalBody(r.body, 0, env, () => f(env));
    } finally {
      this.ctx.meta = saved;
    }
  }

  private evalDynamic(r: CRule, depth: number, obj: RObject): void {
    const keys = r.path.slice(depth);
    this.evalRuleBody(r, (env) =>
      this.evalArgs(keys, 0, keys.length, [], env, (ks) => {
        if (r.kind === "set")
          return this.evalTerm(
            r.key!,
            env,
            (k) => (insertSet(obj, ks, k, r), false),
          );
        return this.evalTerm(
          r.value,
          env,
          (v) => (insertPath(obj, ks, v, r), false),
        );
      }),
    );
  }

  private evalComplete(rules: CRule[]): Value | undefined {
    let result: Value | undefined;
    let def: CRule | undefined;
    for (const r of rules) {
      if (r.isDefault) {
        def = r;
        continue;
      }
      const v = this.evalChain(
        r,
        () => new Map(),
        "complete rules must not produce multiple outputs",
      );
      if (v === undefined) continue;
      if (result !== undefined && !equal(result, v))
        throw conflict("complete rules must not produce multiple outputs", r);
      result = v;
    }
    if (result === undefined && def)
      this.evalTerm(def.value, new Map(), (v) => ((result = v), true));
    return result;
  }

  /** Value of a rule with its else chain; `bindArgs` prepares each env. */
  private evalChain(
    r: CRule,
    mkEnv: () => Env,
    msg: string,
    args?: Value[],
  ): Value | undefined {
    for (let cur: CRule | undefined = r; cur; cur = cur.elseRule) {
      const env = mkEnv();
      const saved = this.ctx.meta;
      this.ctx.meta = cur.meta;
      let val: Value | undefined;
      try {
        val = this.chainValue(cur, env, msg, args);
      } finally {
        this.ctx.meta = saved;
      }
      if (val !== undefined) return val;
    }
    return undefined;
  }

  /** The one value of a rule body (after binding function args). */
  private chainValue(
    rule: CRule,
    env: Env,
    msg: string,
    args: Value[] | undefined,
  ): Value | undefined {
    const out: { v?: Value } = {};
    if (args) {
      const params = rule.args ?? [];
      if (plainParams(params)) {
        // Distinct vars in a fresh env: unification just binds them.
        for (let i = 0; i < params.length; i++)
          env.set((params[i] as Term & { type: "var" }).name, args[i]!);
        this.ruleBody(rule, env, msg, out);
      } else
        this.unifyArgs(params, args, 0, env, () =>
          this.ruleBody(rule, env, msg, out),
        );
    } else this.ruleBody(rule, env, msg, out);
    return out.v;
  }

  private ruleBody(
    rule: CRule,
    env: Env,
    msg: string,
    out: { v?: Value },
  ): boolean {
    return this.evalBody(rule.body, 0, env, () => {
      const one = this.one(rule.value, env);
      if (!one)
        return this.evalTerm(rule.value, env, (v) =>
          this.putOut(out, v, msg, rule),
        );
      const v = one.fn(this, env);
      return v === undefined ? false : this.putOut(out, v, msg, rule);
    });
  }

  /** Records a rule's value; a different second value is a conflict. */
  private putOut(
    out: { v?: Value },
    v: Value,
    msg: string,
    rule: CRule,
  ): boolean {
    if (out.v !== undefined && !equal(out.v, v)) throw conflict(msg, rule);
    out.v = v;
    return false;
  }

  private unifyArgs(
    params: Term[],
    args: Value[],
    i: number,
    env: Env,
    cb: Cb,
  ): boolean {
    if (i === params.length) return cb();
    return this.unifyValue(params[i]!, args[i]!, env, () =>
      this.unifyArgs(params, args, i + 1, env, cb),
    );
  }

  callFn(name: string, args: Value[], loc: Term["loc"], cb: VCb): boolean {
    const ov = this.fnOverrides.size ? this.fnOverrides.get(name) : undefined;
    if (ov) {
      if (ov.fn === undefined) return cb(ov.value!);
      const saved = this.fnOverrides;
      const savedF = this.fcache;
      this.fnOverrides = new Map();
      this.fcache = new Map();
      let out: Value | undefined;
      try {
        this.callFn(ov.fn, args, loc, (v) => ((out = v), true));
      } finally {
        this.fnOverrides = saved;
        this.fcache = savedF;
      }
      return out === undefined ? false : cb(out);
    }
    const rules = this.cm.funcs.get(name);
    if (rules) {
      const v = this.callUser(rules, args);
      return v === undefined ? false : cb(v);
    }
    return this.callBuiltin(name, args, loc, cb);
  }

  /** A user function's result, computed once per evaluation for the same
   * arguments (as OPA caches function calls with ground arguments). */
  callUser(rules: CRule[], args: Value[]): Value | undefined {
    this.tick();
    let byFirst = this.fcache.get(rules);
    if (byFirst === undefined) this.fcache.set(rules, (byFirst = new Map()));
    const first = args.length ? args[0] : NONE;
    let memos = byFirst.get(first);
    if (memos === undefined) byFirst.set(first, (memos = []));
    for (const m of memos) if (sameArgs(m.args, args)) return m.result;
    const result = this.callUserUncached(rules, args);
    memos.push({ args, result });
    return result;
  }

  private callUserUncached(rules: CRule[], args: Value[]): Value | undefined {
    let result: Value | undefined;
    let def: CRule | undefined;
    const msg = "functions must not produce multiple outputs for same inputs";
    for (const r of rules) {
      if (r.isDefault) {
        def = r;
        continue;
      }
      if ((r.args?.length ?? 0) !== args.length) continue;
      const v = this.evalChain(r, () => new Map(), msg, args);
      if (v === undefined) continue;
      if (result !== undefined && !equal(result, v)) throw conflict(msg, r);
      result = v;
    }
    if (result === undefined && def)
      this.evalTerm(def.value, new Map(), (v) => ((result = v), true));
    return result;
  }

  private callBuiltin(
    name: string,
    args: Value[],
    loc: Term["loc"],
    cb: VCb,
  ): boolean {
    const b = getBuiltin(name);
    const r = this.runBuiltin(b, name, args, loc);
    if (r === undefined) return false;
    if (b!.multi) {
      for (const x of r as Value[]) if (cb(x)) return true;
      return false;
    }
    return cb(r);
  }

  /** A builtin's result (an array of results when multi); undefined when
   * it has none or fails without strict builtin errors. */
  runBuiltin(
    b: ReturnType<typeof getBuiltin>,
    name: string,
    args: Value[],
    loc: Term["loc"],
  ): Value | undefined {
    if (!b)
      throw RegoError.single(
        "rego_type_error",
        `undefined function ${name}`,
        loc,
      );
    try {
      this.ctx.loc = loc;
      return b.fn(args, this.ctx);
    } catch (e) {
      if (!(e instanceof BuiltinError)) throw e;
      if (this.st.strict || e.halt)
        throw RegoError.single(e.code, `${name}: ${e.message}`, loc, e);
      return undefined;
    }
  }
}
