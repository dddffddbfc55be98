import { compile as regoCompile } from "../../rego/index.js";
import type { Check } from "../Check.js";
import { readBuiltinPackFiles } from "./builtinPackFiles.js";
import { createPolicyCheck } from "./createPolicyCheck.js";

/** The policy check with the project's Rego engine and built-in pack. */
export const policyCheck = createPolicyCheck({
  compile: regoCompile,
  builtinPack: () => readBuiltinPackFiles(),
}) satisfies Check;
