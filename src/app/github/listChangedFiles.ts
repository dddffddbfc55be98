import { parseUnifiedDiff } from "../../workspace/parseUnifiedDiff.js";
import type { GitHub, RepoRef } from "./GitHub.js";

/** GitHub lists at most this many files of a pull request. */
export const PR_FILES_CAP = 3000;

/** The files of a pull request as the API reports them. */
export interface ChangedFiles {
  /** Every changed path, renamed files under both names. */
  paths: string[];
  /** Lines added on the head side, by path: where review comments may go. */
  addedLines: Map<string, Set<number>>;
  /** True when GitHub's list is incomplete (over the cap). */
  truncated: boolean;
}

/**
 * Lists the changed files of a PR, page by page. The list is marked
 * truncated when it is shorter than `expected` (the PR's `changed_files`)
 * or hits the API cap; the caller then diffs the two trees instead.
 */
export async function listChangedFiles(
  github: GitHub,
  ref: RepoRef & { pull_number: number },
  expected: number,
): Promise<ChangedFiles> {
  const files = await github.paginate(github.rest.pulls.listFiles, {
    ...ref,
    per_page: 100,
  });
  const paths = new Set<string>();
  const addedLines = new Map<string, Set<number>>();
  for (const f of files) {
    paths.add(f.filename);
    if (f.previous_filename) paths.add(f.previous_filename);
    if (!f.patch) continue;
    const parsed = parseUnifiedDiff(`+++ b/${f.filename}\n${f.patch}`);
    addedLines.set(f.filename, new Set(parsed.added.map((a) => a.line)));
  }
  const truncated = files.length >= PR_FILES_CAP || files.length < expected;
  return { paths: [...paths].sort(), addedLines, truncated };
}
