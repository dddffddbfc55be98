/**
 * GitOps Gate's Rego engine: parse, compile and evaluate Rego (v1 and v0)
 * the way OPA does. Standalone: imports nothing else of the project.
 */
import "./builtins/all.js";
import type { Module } from "./ast.js";
import {
  compileModules,
  type CompiledModules,
} from "./compile/compileModules.js";
import { parseModule } from "./parser/parseModule.js";
import { checkStrict } from "./compile/checkStrict.js";
import { prepareQuery, type PreparedQueryImpl } from "./query.js";
import { RegoError } from "./RegoError.js";
import { collectAnnotations, type RegoAnnotation } from "./annotations.js";

export { RegoError } from "./RegoError.js";
export type { RegoErrorDetail, RegoLocation } from "./RegoError.js";
export type { RegoAnnotation } from "./annotations.js";

/** One policy module: its file path (for error locations) and source. */
export interface RegoModuleSource {
  path: string;
  source: string;
  /**
   * This module's syntax, overriding {@link CompileOptions.v0Compatible}
   * (like OPA's per-file `rego_version` in bundle manifests).
   */
  regoVersion?: "v0" | "v1";
}

/** Compile options. */
export interface CompileOptions {
  /** Parse modules as Rego v0 unless they `import rego.v1` (default v1). */
  v0Compatible?: boolean;
  /** OPA's strict mode: also reject unused assignments and imports. */
  strict?: boolean;
}

/** Evaluation options. */
export interface EvalOptions {
  /** Input document: plain JS values (bigint allowed for big integers). */
  input?: unknown;
  /** Base data document (an object). */
  data?: unknown;
  /** Wall-time limit in milliseconds (default 10,000). */
  timeoutMs?: number;
  /** Evaluation step budget (default 100,000,000). */
  maxSteps?: number;
  /** Builtin errors raise instead of making the expression undefined. */
  strictBuiltinErrors?: boolean;
  /** Receives `print()` output. */
  print?: (message: string) => void;
}

/** Value of one query expression. */
export interface ExpressionValue {
  value: unknown;
  text: string;
  location: { row: number; col: number };
}

/** One solution of a query. */
export interface QueryResult {
  expressions: ExpressionValue[];
  bindings: Record<string, unknown>;
}

/** A parsed and compiled query, evaluated many times. */
export interface PreparedQuery {
  eval(opts?: EvalOptions): QueryResult[];
}

/** Compiled policy modules. */
export interface CompiledPolicy {
  prepare(query: string): PreparedQuery;
  eval(query: string, opts?: EvalOptions): QueryResult[];
  /** METADATA annotations of packages and rules. */
  annotations(): RegoAnnotation[];
  /** Package paths defined, e.g. ["main", "lib.k8s"]. */
  packages(): string[];
}

class Policy implements CompiledPolicy {
  constructor(
    readonly cm: CompiledModules,
    readonly modules: Module[],
  ) {}
  prepare(query: string): PreparedQueryImpl {
    return prepareQuery(this.cm, query);
  }
  eval(query: string, opts?: EvalOptions): QueryResult[] {
    return this.prepare(query).eval(opts);
  }
  annotations(): RegoAnnotation[] {
    return collectAnnotations(this.modules);
  }
  packages(): string[] {
    return [...new Set(this.modules.map((m) => m.pkg.join(".")))].sort();
  }
}

function isV1(m: RegoModuleSource, opts: CompileOptions): boolean {
  return m.regoVersion === undefined
    ? !opts.v0Compatible
    : m.regoVersion === "v1";
}

/** Parses and compiles modules; throws {@link RegoError} listing all errors. */
export function compile(
  modules: RegoModuleSource[],
  opts: CompileOptions = {},
): CompiledPolicy {
  const parsed: Module[] = [];
  const errors: RegoError[] = [];
  for (const m of modules) {
    try {
      parsed.push(parseModule(m.source, m.path, isV1(m, opts)));
    } catch (e) {
      if (!(e instanceof RegoError)) throw e;
      errors.push(e);
    }
  }
  if (errors.length) throw new RegoError(errors.flatMap((e) => e.errors));
  const compiled = compileModules(parsed);
  if (opts.strict) {
    const strictErrors = checkStrict(parsed);
    if (strictErrors.length) throw new RegoError(strictErrors);
  }
  return new Policy(compiled, parsed);
}
