import type { Check, CheckInput } from "../checks/Check.js";
import type { Config } from "../config/schema.js";
import type { Finding } from "../findings/finding.js";

/**
 * Runs every enabled check concurrently. A check that throws becomes an
 * error finding with its reason (fail closed); the others still run.
 */
export async function runChecks(
  checks: readonly Check[],
  input: CheckInput,
): Promise<Finding[]> {
  const enabled = checks.filter((c) => isEnabled(input.config, c.name));
  const results = await Promise.all(enabled.map((c) => runOne(c, input)));
  return results.flat();
}

async function runOne(check: Check, input: CheckInput): Promise<Finding[]> {
  try {
    return await check.run(input);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return [
      {
        check: check.name,
        ruleId: `${check.name}/check-failed`,
        severity: "error",
        message:
          `the ${check.name} check could not run, so the gate fails ` +
          `closed: ${reason}`,
        location: { path: "." },
      },
    ];
  }
}

function isEnabled(config: Config, name: string): boolean {
  const section = (config.checks as Record<string, { enabled?: boolean }>)[
    name
  ];
  return section?.enabled !== false;
}
