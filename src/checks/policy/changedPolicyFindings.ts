import type { Finding } from "../../findings/finding.js";
import type { ChangeSet } from "../../workspace/ChangeSet.js";
import { underRoot } from "./loadPolicyFiles.js";
import { policyFinding } from "./policyFinding.js";

/**
 * One warning per changed policy file. The verdict of this PR still uses
 * the base revision's policies; the finding tells reviewers that the PR
 * changes the rules it is judged by. (A changed gate config is reported by
 * the gate itself: `config/changed-in-pr`.)
 */
export function changedPolicyFindings(
  changes: Pick<ChangeSet, "all" | "paths">,
  policyPaths: readonly string[],
): Finding[] {
  if (changes.all) return [];
  return changes.paths.flatMap((path) => {
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
