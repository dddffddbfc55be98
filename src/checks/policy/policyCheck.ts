import { compile as regoCompile } from "../../rego/index.js";
import { dirTree } from "../../workspace/dirTree.js";
import type { Check } from "../Check.js";
import { readBuiltinPackFiles } from "./builtinPackFiles.js";
import {
  createPolicyCheck,
  type PolicyCheckDeps,
} from "./createPolicyCheck.js";

/** The policy check with the project's Rego engine and built-in pack. */
export const policyCheck = createPolicyCheck({
  compile: regoCompile,
  builtinPack: () => readBuiltinPackFiles(),
}) satisfies Check;

/**
 * The policy check with the org's central policy repository read from a
 * local checkout (the CLI's stand-in for `checks.policy.org`), or from
 * any other source the app provides.
 *
 * @example policyCheckWithOrg(async () => dirTree("../policies", "base"))
 */
export function policyCheckWithOrg(
  orgPolicies: NonNullable<PolicyCheckDeps["orgPolicies"]>,
): Check {
  return createPolicyCheck({
    compile: regoCompile,
    builtinPack: () => readBuiltinPackFiles(),
    orgPolicies,
  });
}

/** {@link policyCheckWithOrg} over a local directory. */
export function policyCheckWithOrgDir(dir: string): Check {
  return policyCheckWithOrg(async () => dirTree(dir, "base"));
}
