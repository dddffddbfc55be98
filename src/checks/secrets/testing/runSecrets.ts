import { configSchema, type ConfigInput } from "../../../config/schema.js";
import type { Finding } from "../../../findings/finding.js";
import type { SecretRegistry } from "../../../secrets/SecretRegistry.js";
import type { ChangeSet } from "../../../workspace/ChangeSet.js";
import { createSecretsCheck } from "../secretsCheck.js";
import { memoryTree } from "./memoryTree.js";

/** What a test scenario gives the secrets check. */
export interface Scenario {
  head: Record<string, string>;
  base?: Record<string, string>;
  changes?: ChangeSet;
  config?: ConfigInput;
  registry?: SecretRegistry;
}

/** Runs the secrets check on in-memory trees (whole tree by default). */
export async function runSecrets(s: Scenario): Promise<Finding[]> {
  const check = createSecretsCheck({
    fingerprintKey: "test-key",
    ...(s.registry ? { registry: s.registry } : {}),
  });
  return check.run({
    config: configSchema.parse(s.config ?? {}),
    head: memoryTree(s.head),
    ...(s.base ? { base: memoryTree(s.base, "base") } : {}),
    targets: [],
    changes: s.changes ?? { all: true, paths: [], commits: [] },
    environmentOf: (p) => (p.includes("prod") ? "prod" : undefined),
  });
}

/** `ruleId path:line` of each finding, sorted, for compact assertions. */
export function summary(findings: readonly Finding[]): string[] {
  return findings
    .map((f) => `${f.ruleId} ${f.location.path}:${f.location.line ?? 0}`)
    .sort();
}
