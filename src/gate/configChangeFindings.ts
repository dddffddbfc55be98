import { ConfigError } from "../config/ConfigError.js";
import { CONFIG_PATHS } from "../config/loadConfig.js";
import { parseConfig } from "../config/parseConfig.js";
import type { Finding } from "../findings/finding.js";
import type { ChangeSet } from "../workspace/ChangeSet.js";
import type { Tree } from "../workspace/Tree.js";

/**
 * A PR that edits the gate's own config is checked with the base config;
 * it gets a finding saying so (reviewers should look), and one more when
 * the new config would be invalid once merged.
 */
export async function configChangeFindings(request: {
  head: Tree;
  base?: Tree;
  changes: ChangeSet;
}): Promise<Finding[]> {
  if (!request.base || request.changes.all) return [];
  const changed = CONFIG_PATHS.filter((p) => request.changes.paths.includes(p));
  const out: Finding[] = [];
  for (const path of changed) {
    out.push({
      check: "config",
      ruleId: "config/changed-in-pr",
      severity: "warning",
      message:
        "this PR changes the gate's config; it was checked with the base " +
        "branch's config and the change takes effect only after merge",
      location: { path, line: 1 },
    });
    out.push(...(await validateHead(request.head, path)));
  }
  return out;
}

async function validateHead(head: Tree, path: string): Promise<Finding[]> {
  const text = await head.readFile(path).catch(() => undefined);
  if (text === undefined) return [];
  try {
    parseConfig(path, text);
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems.map((p) => ({
      check: "config",
      ruleId: "config/invalid",
      severity: "error",
      message: `config would be invalid after merge: ${p.key}: ${p.message}`,
      location: { path, line: p.line ?? 1 },
    }));
  }
}
