import type { Check } from "./Check.js";
import { imagesCheck } from "./images/imagesCheck.js";
import { policyCheck } from "./policy/policyCheck.js";
import { schemaCheck } from "./schema/schemaCheck.js";
import { secretsCheck } from "./secrets/secretsCheck.js";
import { yamlCheck } from "./yaml/yamlCheck.js";

/** Every check the gate runs, in report order. */
export const checks: readonly Check[] = [
  yamlCheck,
  schemaCheck,
  policyCheck,
  secretsCheck,
  imagesCheck,
];
