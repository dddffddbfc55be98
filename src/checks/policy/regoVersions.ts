import {
  regoErrorDetails,
  type CompiledPolicyModules,
  type CompilePolicies,
  type RegoModuleSource,
} from "./engine.js";

/** `checks.policy.regoVersion`: one syntax for all modules, or per module. */
export type RegoVersionMode = "auto" | "v0" | "v1";

/**
 * Compiles the modules in the given mode. In `auto` mode a parse error
 * makes each module get its own syntax ({@link withRegoVersions}) before
 * a second attempt; the errors of that attempt are the ones thrown.
 */
export function compileWithMode(
  compile: CompilePolicies,
  modules: RegoModuleSource[],
  mode: RegoVersionMode,
): CompiledPolicyModules {
  const v0Compatible = mode === "v0";
  try {
    return compile(modules, { v0Compatible });
  } catch (err) {
    if (mode !== "auto" || !isParseError(err)) throw err;
    return compile(withRegoVersions(compile, modules, mode), { v0Compatible });
  }
}

/**
 * Gives every module the Rego syntax it is written in when the mode is
 * `auto`: Rego v1 (OPA 1.x's default) unless the module only parses as
 * v0, as existing conftest and OPA 0.x policies do. A module valid in
 * both keeps v1's meaning. In `v0` and `v1` mode the modules are left to
 * the compile option.
 */
export function withRegoVersions(
  compile: CompilePolicies,
  modules: readonly RegoModuleSource[],
  mode: RegoVersionMode,
): RegoModuleSource[] {
  if (mode !== "auto") return [...modules];
  return modules.map((m) =>
    m.regoVersion === undefined && onlyParsesAsV0(compile, m)
      ? { ...m, regoVersion: "v0" }
      : m,
  );
}

function onlyParsesAsV0(compile: CompilePolicies, m: RegoModuleSource) {
  return (
    parseFails(compile, m, false) === true &&
    parseFails(compile, m, true) === false
  );
}

/** Whether the module alone fails to parse (other errors do not count). */
function parseFails(
  compile: CompilePolicies,
  m: RegoModuleSource,
  v0Compatible: boolean,
): boolean {
  try {
    compile([m], { v0Compatible });
    return false;
  } catch (err) {
    return isParseError(err);
  }
}

function isParseError(err: unknown): boolean {
  const details = regoErrorDetails(err) ?? [];
  return details.some((d) => d.code === "rego_parse_error");
}
