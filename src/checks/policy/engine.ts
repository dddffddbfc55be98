/**
 * The slice of the Rego engine (`src/rego/`) the policy check uses. Kept as
 * structural types so the check can be tested with a fake engine and so the
 * engine stays free to grow.
 */

/** One Rego module: a path for error messages and its source text. */
export interface RegoModuleSource {
  path: string;
  source: string;
  /** This module's syntax, overriding the compile option. */
  regoVersion?: "v0" | "v1";
}

/** Limits and inputs of one evaluation. */
export interface PolicyEvalOptions {
  input?: unknown;
  data?: unknown;
  timeoutMs?: number;
  maxSteps?: number;
}

/** One answer of a query, as `opa eval` prints it. */
export interface PolicyQueryResult {
  expressions: { value: unknown }[];
}

/** A query compiled once and evaluated many times. */
export interface PreparedPolicyQuery {
  eval(opts?: PolicyEvalOptions): PolicyQueryResult[];
}

/** Compiled modules. */
export interface CompiledPolicyModules {
  prepare(query: string): PreparedPolicyQuery;
  packages(): string[];
}

/** An error detail of the engine (OPA's shape). */
export interface PolicyErrorDetail {
  code: string;
  message: string;
  location?: { file: string; row: number; col: number };
}

/** Compiles modules; throws an error with `errors` details on failure. */
export type CompilePolicies = (
  modules: RegoModuleSource[],
  opts?: { v0Compatible?: boolean },
) => CompiledPolicyModules;

/** The error details of an engine error, or undefined for other throws. */
export function regoErrorDetails(
  err: unknown,
): PolicyErrorDetail[] | undefined {
  if (!(err instanceof Error)) return undefined;
  const errors = (err as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return undefined;
  return errors.filter(
    (e): e is PolicyErrorDetail =>
      typeof e === "object" &&
      e !== null &&
      typeof (e as { message?: unknown }).message === "string",
  );
}

/** The value of the first expression of the first answer, if any. */
export function firstValue(results: PolicyQueryResult[]): unknown {
  return results[0]?.expressions[0]?.value;
}

/** A Rego set or array as a list (sets may come back as arrays or Sets). */
export function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value instanceof Set) return [...(value as Set<unknown>)];
  return [];
}
