import type { Check } from "../checks/Check.js";
import {
  createSecretsCheck,
  secretsCheck,
} from "../checks/secrets/secretsCheck.js";
import type { SecretRegistry } from "../secrets/SecretRegistry.js";

/**
 * The checks of one run, with the default secrets check replaced by one
 * that records every value it finds in `registry`, so the gate can mask
 * those values in all of its output.
 */
export function checksWithRegistry(
  checks: readonly Check[],
  registry: SecretRegistry,
): Check[] {
  return checks.map((c) =>
    c === secretsCheck ? createSecretsCheck({ registry }) : c,
  );
}
