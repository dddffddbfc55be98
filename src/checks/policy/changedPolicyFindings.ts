import type { Finding } from "../../findings/finding.js";
import type { ChangeSet } from "../../workspace/ChangeSet.js";
import { underRoot } from "./loadPolicyFiles.js";
import { policyFinding } from "./policyFinding.js";

/** Where the gate's config may live (read from the base revision). */
export const CONFIG_FILES: readonly string[] = [
  ".github/gitops-gate.yml",
  ".github/gitops-gate.yaml",
  ".gitops-gate.yml",
  ".gitops-gate.yaml",
];

/**
 * One warning per changed policy or gate config file. The verdict of this
 * PR still uses the base revision's policies and config; the finding tells
 * reviewers that the PR changes the rules it is judged by.
 */
export function changedPolicyFindings(
  changes: Pick<ChangeSet, "all" | "paths">,
  policyPaths: readonly string[],
): Finding[] {
  if (changes.all) return [];
  return changes.paths.flatMap((path) => {
    if (CONFIG_FILES.includes(path)) {
      return [
        policyFinding(
          "policy/config-changed",
          "warning",
          "this PR changes the gate's config; it is checked with the base " +
            "revision's config, and the change takes effect after merge",
          { path },
        ),
      ];
    }
    if (policyPaths.some((root) => underRoot(path, root))) {
      return [
        policyFinding(
          "policy/policy-changed",
          "warning",
          "this PR changes a policy file; it is checked with the base " +
            "revision's policies, and the change takes effect after merge",
          { path },
        ),
      ];
    }
    return [];
  });
}
