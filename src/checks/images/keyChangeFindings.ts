import type { Finding } from "../../findings/finding.js";
import type { CheckInput } from "../Check.js";
import type { ImagesConfig } from "./resolvePolicies.js";

/**
 * A PR that edits a key file named by an image policy is still checked
 * with the base revision's key; say so on the file, so reviewers look.
 */
export function keyChangeFindings(
  input: Pick<CheckInput, "base" | "changes">,
  config: ImagesConfig,
): Finding[] {
  if (input.base === undefined || input.changes.all) return [];
  const paths = new Set<string>();
  for (const policy of config.policies) {
    for (const a of policy.authorities) {
      if ("key" in a && "path" in a.key) paths.add(a.key.path);
    }
  }
  return [...paths]
    .filter((p) => input.changes.paths.includes(p))
    .map((path) => ({
      check: "images",
      ruleId: "images/key-changed-in-pr",
      severity: "warning",
      message:
        `this PR changes the signing key ${path}; images were verified ` +
        "with the base branch's key, the new one applies after merge",
      location: { path, line: 1 },
    }));
}
