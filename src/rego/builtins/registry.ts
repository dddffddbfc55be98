import { typeName, type Value } from "../value.js";

/** What a builtin may use besides its arguments. */
export interface BuiltinCtx {
  /** Per-query memo (time.now_ns, rand, uuid). */
  memo: Map<string, Value>;
  print(msg: string): void;
  /** Calls another builtin or user function by name. */
  call(name: string, args: Value[]): Value | undefined;
  /** Location text `file:row` of the call. */
  where: string;
  /** Parsed modules (for rego.metadata.*). */
  meta?: { chain: Value; rule: Value };
}

/** A builtin implementation: returns undefined for "no result". */
export type BuiltinFn = (args: Value[], ctx: BuiltinCtx) => Value | undefined;

/** A registered builtin. */
export interface Builtin {
  name: string;
  arity: number;
  fn: BuiltinFn;
  /** Returns an array of results to iterate over (e.g. walk). */
  multi?: boolean;
}

/** An error raised by a builtin (`eval_builtin_error` / `eval_type_error`). */
export class BuiltinError extends Error {
  constructor(
    message: string,
    readonly code = "eval_builtin_error",
    readonly halt = false,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

const REGISTRY = new Map<string, Builtin>();

/** Registers a builtin. */
export function register(
  name: string,
  arity: number,
  fn: BuiltinFn,
  multi = false,
): void {
  REGISTRY.set(name, { name, arity, fn, multi });
}

/** Looks up a builtin. */
export function getBuiltin(name: string): Builtin | undefined {
  return REGISTRY.get(name);
}

/** Arity of a builtin, if registered. */
export function builtinArity(name: string): number | undefined {
  const a = REGISTRY.get(name)?.arity;
  return a === undefined || a < 0 ? undefined : a;
}

/** True when `name` is a registered builtin. */
export function isBuiltinName(name: string): boolean {
  return REGISTRY.has(name);
}

/** All builtin names. */
export function builtinNames(): string[] {
  return [...REGISTRY.keys()];
}

/** `operand N must be T but got U` type error. */
export function typeErr(pos: number, want: string, got: Value): BuiltinError {
  return new BuiltinError(
    `operand ${pos} must be ${want} but got ${typeName(got)}`,
    "eval_type_error",
  );
}
