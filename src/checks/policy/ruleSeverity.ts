import type { Severity } from "../../findings/finding.js";
import type { Config } from "../../config/schema.js";
import type { PackRule } from "./packMetadata.js";

/** Per-rule overrides of `checks.policy.builtin.rules`. */
export type RuleOverrides = Config["checks"]["policy"]["builtin"]["rules"];

/**
 * The severity of a built-in rule in an environment, or undefined when the
 * rule is disabled. Precedence, most specific first: the config's
 * environment severity, the config's severity, the pack's environment
 * default, the pack's severity.
 *
 * @example ruleSeverity(GG_IMG_002, {}, "prod") // "error" (pack default)
 */
export function ruleSeverity(
  rule: Pick<PackRule, "id" | "severity" | "environments">,
  overrides: RuleOverrides,
  environment: string | undefined,
): Severity | undefined {
  const o = own(overrides, rule.id);
  if (o?.enabled === false) return undefined;
  return (
    own(o?.environments, environment) ??
    o?.severity ??
    own(rule.environments, environment) ??
    rule.severity
  );
}

/** An own property only: names like `constructor` never hit the prototype. */
function own<T>(
  map: Record<string, T> | undefined,
  key: string | undefined,
): T | undefined {
  if (map === undefined || key === undefined) return undefined;
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
