import { compile, RegoError, type QueryResult } from "../../rego/index.js";
import { errorText } from "./errorText.js";
import { jsonText } from "./jsonText.js";
import { loadRegoFiles, readDocument } from "./loadRegoFiles.js";

/** Options of `gitops-gate rego eval`. */
export interface RegoEvalOptions {
  data: string[];
  input?: string;
  format: "json" | "pretty";
  v0Compatible?: boolean;
  strictBuiltinErrors?: boolean;
  /** Exit 1 when the query is undefined (`opa eval --fail`). */
  fail?: boolean;
  /** Exit 1 when the query is defined (`opa eval --fail-defined`). */
  failDefined?: boolean;
}

function errorJson(e: RegoError): unknown {
  return {
    errors: e.errors.map((d) => ({
      message: d.message,
      code: d.code,
      ...(d.location ? { location: d.location } : {}),
    })),
  };
}

function resultJson(rows: QueryResult[]): unknown {
  if (!rows.length) return {};
  return {
    result: rows.map((r) => ({
      expressions: r.expressions,
      ...(Object.keys(r.bindings).length ? { bindings: r.bindings } : {}),
    })),
  };
}

function pretty(rows: QueryResult[]): string {
  if (!rows.length) return "undefined";
  const first = rows[0]!;
  if (
    rows.length === 1 &&
    !Object.keys(first.bindings).length &&
    first.expressions.length === 1
  ) {
    return jsonText(first.expressions[0]!.value, 2);
  }
  return jsonText(
    rows.map((r) =>
      Object.keys(r.bindings).length
        ? r.bindings
        : r.expressions.map((e) => e.value),
    ),
    2,
  );
}

function exitCode(rows: QueryResult[], opts: RegoEvalOptions): number {
  if (opts.fail && rows.length === 0) return 1;
  if (opts.failDefined && rows.length > 0) return 1;
  return 0;
}

/** Runs a query like `opa eval`; returns the text to print and exit code. */
export function regoEval(
  query: string,
  opts: RegoEvalOptions,
): { out: string; code: number } {
  try {
    const files = loadRegoFiles(opts.data);
    const policy = compile(files.modules, { v0Compatible: opts.v0Compatible });
    const input =
      opts.input === undefined ? undefined : readDocument(opts.input);
    const rows = policy.eval(query, {
      input,
      data: files.data,
      strictBuiltinErrors: opts.strictBuiltinErrors,
      print: (m) => process.stderr.write(m + "\n"),
    });
    return {
      out:
        opts.format === "pretty" ? pretty(rows) : jsonText(resultJson(rows), 2),
      code: exitCode(rows, opts),
    };
  } catch (e) {
    if (!(e instanceof RegoError)) throw e;
    const out =
      opts.format === "pretty" ? errorText(e) : jsonText(errorJson(e), 2);
    return { out, code: 1 };
  }
}
