import type { Literal, Loc, Term } from "./ast.js";
import type { CompiledModules } from "./compile/compileModules.js";
import { declaredVars, forEachVar, resolveBody } from "./compile/resolve.js";
import { BodyCompiler } from "./compile/safety.js";
import { checkCalls } from "./compile/checkRules.js";
import { fromJS, toJS } from "./convert.js";
import { Evaluator, type Env } from "./eval/Evaluator.js";
import type { EvalOptions, QueryResult } from "./index.js";
import { parseQuery } from "./parser/parseModule.js";
import { RegoError } from "./RegoError.js";
import { RObject, type Value } from "./value.js";

/** A prepared query; `evalValues` returns raw Rego values. */
export interface PreparedQueryImpl {
  eval(opts?: EvalOptions & { inputValue?: Value }): QueryResult[];
  evalValues(
    opts?: EvalOptions & { inputValue?: Value },
  ): { bindings: Map<string, Value>; values: Value[] }[];
  vars: string[];
}

function queryVars(lits: Literal[]): string[] {
  const out: string[] = [];
  const add = (t: Term | undefined): void => {
    if (!t) return;
    forEachVar(
      t,
      (v) => {
        if (
          !v.includes("$") &&
          v !== "input" &&
          v !== "data" &&
          !out.includes(v)
        )
          out.push(v);
      },
      false,
    );
  };
  for (const l of lits) {
    if (l.kind === "expr") add(l.expr);
    else if (l.kind === "some") l.vars.forEach(add);
    else if (l.kind === "somein") {
      add(l.key);
      add(l.value);
      add(l.domain);
    } else add(l.domain);
  }
  return out;
}

function isValueExpr(l: Literal, cm: CompiledModules): boolean {
  if (l.kind !== "expr" || l.negated || l.withs.length) return false;
  const e = l.expr;
  if (e.type !== "call") return true;
  if (e.name === "eq" || e.name === "assign") return false;
  const ar = cm.arityOf(e.name);
  return !(ar !== undefined && e.args.length === ar + 1);
}

/** Parses and compiles a query against compiled modules. */
export function prepareQuery(
  cm: CompiledModules,
  src: string,
): PreparedQueryImpl {
  const lits = parseQuery(src, "query");
  const scope = cm.scopeForQuery();
  scope.locals = declaredVars(lits);
  const resolved = resolveBody(lits, scope);
  const bc = new BodyCompiler(cm.arityOf);
  const { body } = bc.compile(resolved, new Set(), new Set());
  const errors = [...bc.errors, ...checkCalls(body, [], cm.known)];
  if (errors.length) throw new RegoError(errors);
  const index = new Map<Loc, number>(lits.map((l, i) => [l.loc, i]));
  const vars = queryVars(lits);
  const valueExpr = body.map((l) => isValueExpr(l, cm));
  const litIndex = body.map((l) => index.get(l.loc) ?? 0);
  const plan: QueryPlan = {
    body,
    vars,
    valueExpr,
    litIndex,
    nLits: lits.length,
  };
  const run = (
    opts: EvalOptions & { inputValue?: Value } = {},
  ): { bindings: Map<string, Value>; values: Value[] }[] => {
    const r = new QueryRun(plan, makeEvaluator(cm, opts));
    guard(() => r.step(0));
    return r.out;
  };
  return {
    vars,
    evalValues: run,
    eval: (opts) =>
      run(opts).map((r) => ({
        expressions: r.values.map((v, i) => ({
          value: toJS(v),
          text: lits[i]!.loc.text ?? "",
          location: { row: lits[i]!.loc.row, col: lits[i]!.loc.col },
        })),
        bindings: Object.fromEntries(
          [...r.bindings].map(([k, v]) => [k, toJS(v)]),
        ),
      })),
  };
}

/** A compiled query's literals and what each yields. */
interface QueryPlan {
  body: Literal[];
  vars: string[];
  /** Per literal: a value expression (its value is the expression's). */
  valueExpr: boolean[];
  /** Per literal: the index of the query expression it came from. */
  litIndex: number[];
  nLits: number;
}

/** One evaluation of a query (a class, so no closure per evaluation). */
class QueryRun {
  readonly env: Env = new Map();
  readonly out: { bindings: Map<string, Value>; values: Value[] }[] = [];
  readonly vals: Value[];
  constructor(
    readonly plan: QueryPlan,
    readonly ev: Evaluator,
  ) {
    this.vals = new Array<Value>(plan.nLits).fill(true);
  }

  step(i: number): boolean {
    const { body, vars, valueExpr, litIndex } = this.plan;
    const { env, vals, ev } = this;
    if (i === body.length) {
      const b = new Map<string, Value>();
      for (const v of vars) if (env.has(v)) b.set(v, env.get(v)!);
      this.out.push({ bindings: b, values: vals.slice() });
      return false;
    }
    const l = body[i]!;
    const idx = litIndex[i]!;
    if (valueExpr[i]) {
      ev.tick();
      return ev.evalTerm((l as { expr: Term }).expr, env, (v) => {
        if (v === false) return false;
        vals[idx] = v;
        return this.step(i + 1);
      });
    }
    return ev.evalLit(l, env, () => {
      vals[idx] = true;
      return this.step(i + 1);
    });
  }
}

function guard(f: () => void): void {
  try {
    f();
  } catch (e) {
    if (e instanceof RangeError && /call stack/.test(e.message))
      throw RegoError.single(
        "eval_cancel_error",
        "evaluation exceeded the maximum recursion depth",
        undefined,
        e,
      );
    throw e;
  }
}

function makeEvaluator(
  cm: CompiledModules,
  opts: EvalOptions & { inputValue?: Value },
): Evaluator {
  const input =
    opts.inputValue !== undefined
      ? opts.inputValue
      : opts.input === undefined
        ? undefined
        : fromJS(opts.input);
  const data = opts.data === undefined ? new RObject() : fromJS(opts.data);
  return new Evaluator(cm, {
    input,
    data,
    strict: opts.strictBuiltinErrors ?? false,
    maxSteps: opts.maxSteps ?? 100_000_000,
    deadline: Date.now() + (opts.timeoutMs ?? 10_000),
    print: opts.print ?? ((m) => process.stderr.write(m + "\n")),
  });
}
