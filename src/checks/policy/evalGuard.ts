import type { Finding, Location } from "../../findings/finding.js";
import { regoErrorDetails } from "./engine.js";
import { policyFinding } from "./policyFinding.js";
import { fileModules, type ModuleSourceMap } from "./regoErrorFindings.js";

/**
 * Runs evaluations of many policies and stops a policy at its first error
 * (timeout, step limit, conflict, builtin error): the policy gets one error
 * finding naming it, and is skipped for the rest of the run while the other
 * policies still run. Fails closed: the error finding blocks.
 */
export class EvalGuard {
  readonly #failed = new Map<string, Finding>();
  readonly #notes = new Map<string, Finding>();

  /** The findings of the policies that failed, then the notes. */
  findings(): Finding[] {
    return [...this.#failed.values(), ...this.#notes.values()];
  }

  /** Records a finding about how a policy ran, once per key. */
  note(key: string, finding: Finding): void {
    if (!this.#notes.has(key)) this.#notes.set(key, finding);
  }

  /** True when the policy already failed. */
  failed(key: string): boolean {
    return this.#failed.has(key);
  }

  /**
   * Runs `fn` for policy `key` unless it failed before; a throw is recorded
   * against `policy` (its human name) and gives undefined. The finding is
   * on the Rego line the engine names (through `map`), else on `location`.
   */
  run<T>(
    key: string,
    policy: string,
    location: Location,
    fn: () => T,
    map: ModuleSourceMap = fileModules,
  ): T | undefined {
    if (this.#failed.has(key)) return undefined;
    try {
      return fn();
    } catch (err) {
      this.fail(
        key,
        policy,
        errorLocation(err, map) ?? location,
        describe(err),
      );
      return undefined;
    }
  }

  /** Records a failure of a policy (first one wins). */
  fail(key: string, policy: string, location: Location, why: string): void {
    if (this.#failed.has(key)) return;
    this.#failed.set(
      key,
      policyFinding(
        "policy/eval-failed",
        "error",
        `policy ${policy} failed and was skipped for the rest of the run: ${why}`,
        location,
      ),
    );
  }
}

function describe(err: unknown): string {
  const details = regoErrorDetails(err);
  if (details && details.length > 0) {
    return details.map((d) => `${d.code}: ${d.message}`).join("; ");
  }
  return err instanceof Error ? err.message : String(err);
}

/** The policy line of the first engine error detail that has one. */
function errorLocation(
  err: unknown,
  map: ModuleSourceMap,
): Location | undefined {
  const at = regoErrorDetails(err)?.find((d) => d.location)?.location;
  if (!at) return undefined;
  const where = map(at.file);
  return { path: where.path, line: at.row + where.lineOffset };
}
