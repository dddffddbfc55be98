import { compile, RegoError } from "../index.js";
import { compare, RObject, RSet, type Value } from "../value.js";
import { fromJS, toJS } from "../convert.js";
import type { PreparedQueryImpl } from "../query.js";
import type { CompiledPolicy } from "../index.js";
import { register } from "../builtins/registry.js";

register("test.sleep", 1, ([d]) => {
  const ms =
    typeof d === "string" ? parseFloat(d) * (d.endsWith("ms") ? 1 : 1000) : 0;
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  return true;
});

/** One OPA conformance case (fields as in OPA's cases.go). */
export interface Case {
  note: string;
  query: string;
  modules?: string[];
  data?: unknown;
  input?: unknown;
  input_term?: string;
  want_result?: Record<string, unknown>[];
  want_error_code?: string;
  want_error?: string;
  strict_error?: boolean;
  sort_bindings?: boolean;
}

function normalize(v: unknown, sortArrays: boolean): Value {
  const x = fromJS(v);
  return sortArrays && Array.isArray(x) ? [...x].sort(compare) : x;
}

function rowsSet(rows: Record<string, unknown>[], sort: boolean): RSet {
  return RSet.from(
    rows.map((r) => {
      const o = new RObject();
      for (const [k, v] of Object.entries(r)) o.set(k, normalize(v, sort));
      return o;
    }),
  );
}

function inputOf(c: Case): Value | undefined {
  if (c.input_term === undefined)
    return c.input === undefined ? undefined : fromJS(c.input);
  const p = compile([]);
  const q = p.prepare(`__x__ = ${c.input_term}`) as PreparedQueryImpl;
  return q.evalValues()[0]?.bindings.get("__x__");
}

/** Runs a case; returns undefined when it passes, else why it failed. */
export function runCase(c: Case): string | undefined {
  let rows: Record<string, unknown>[];
  try {
    const policy: CompiledPolicy = compile(
      (c.modules ?? []).map((source, i) => ({
        path: `test-${i}.rego`,
        source,
      })),
    );
    const q = policy.prepare(c.query) as PreparedQueryImpl;
    const res = q.evalValues({
      inputValue: inputOf(c),
      data: c.data,
      strictBuiltinErrors: !!c.strict_error,
      print: () => {},
      timeoutMs: 5000,
    });
    rows = res.map((r) =>
      Object.fromEntries([...r.bindings].map(([k, v]) => [k, toJS(v)])),
    );
  } catch (e) {
    if (c.want_error_code === undefined && c.want_error === undefined)
      return `unexpected error: ${(e as Error).message}`;
    if (!(e instanceof RegoError))
      return `non-Rego error: ${(e as Error).stack}`;
    if (c.want_error_code !== undefined && e.code !== c.want_error_code)
      return `want code ${c.want_error_code}, got ${e.code}: ${e.message}`;
    if (c.want_error !== undefined && !e.message.includes(c.want_error))
      return `want error ${JSON.stringify(c.want_error)}, got ${JSON.stringify(e.message)}`;
    return undefined;
  }
  if (c.want_error_code !== undefined || c.want_error !== undefined)
    return `want error ${c.want_error_code ?? ""} ${c.want_error ?? ""}, got ${rows.length} rows`;
  const want = rowsSet(c.want_result ?? [], !!c.sort_bindings);
  const got = rowsSet(rows, !!c.sort_bindings);
  if (compare(want, got) === 0) return undefined;
  return `want ${show(c.want_result)}, got ${show(rows)}`;
}

function show(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    typeof x === "bigint" ? x.toString() : x,
  ).slice(0, 400);
}
