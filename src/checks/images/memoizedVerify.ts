import {
  RegistryUnreachableError,
  formatImageRef,
  type ImageRef,
  type ImageVerdict,
  type ImageVerifier,
} from "../../oci/index.js";
import type { ResolvedPolicy } from "./resolvePolicies.js";

/** A verdict, or why there is none. */
export type Outcome = { verdict: ImageVerdict } | { error: unknown };

/** Verifies one image under one policy, never throwing. */
export type Verify = (ref: ImageRef, p: ResolvedPolicy) => Promise<Outcome>;

/**
 * Verifies each (image, policy) pair once per run, and stops asking a
 * registry that could not be reached at all: later images on it get the
 * same error at once instead of waiting out their own timeouts.
 */
export function memoizedVerify(
  verifier: Pick<ImageVerifier, "verify">,
  signal?: AbortSignal,
): Verify {
  const memo = new Map<string, Promise<Outcome>>();
  const policyIds = new Map<ResolvedPolicy, number>();
  const down = new Map<string, RegistryUnreachableError>();
  const run = async (ref: ImageRef, p: ResolvedPolicy): Promise<Outcome> => {
    const dead = down.get(ref.registry);
    if (dead !== undefined) return { error: dead };
    try {
      return { verdict: await verifier.verify(ref, p.policy, signal) };
    } catch (error) {
      if (error instanceof RegistryUnreachableError) {
        down.set(ref.registry, error);
      }
      return { error };
    }
  };
  return (ref, p) => {
    if (!policyIds.has(p)) policyIds.set(p, policyIds.size);
    const key = `${formatImageRef(ref)} #${policyIds.get(p)}`;
    let outcome = memo.get(key);
    if (outcome === undefined) {
      outcome = run(ref, p);
      memo.set(key, outcome);
    }
    return outcome;
  };
}
