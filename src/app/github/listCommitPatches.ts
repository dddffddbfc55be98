import { parseUnifiedDiff } from "../../workspace/parseUnifiedDiff.js";
import type { CommitPatch } from "../../workspace/ChangeSet.js";
import type { GitHub, RepoRef } from "./GitHub.js";

/** Which commits to read: a PR's, or those between two SHAs. */
export type CommitRange =
  { pull_number: number } | { base: string; head: string };

/** The commits read and whether some were left out. */
export interface CommitPatches {
  commits: CommitPatch[];
  /** Commits not read because of `maxCommits`. */
  skipped: number;
}

/**
 * Reads each commit of a change with the lines it adds, oldest first, so
 * that a secret added in one commit and removed in the next is still seen.
 * At most `maxCommits` (the newest) are read; the rest are counted.
 */
export async function listCommitPatches(
  github: GitHub,
  repo: RepoRef,
  range: CommitRange,
  maxCommits: number,
): Promise<CommitPatches> {
  const shas = await commitShas(github, repo, range);
  const chosen = shas.slice(-maxCommits);
  const commits: CommitPatch[] = [];
  for (const sha of chosen) commits.push(await readCommit(github, repo, sha));
  return { commits, skipped: shas.length - chosen.length };
}

async function commitShas(
  github: GitHub,
  repo: RepoRef,
  range: CommitRange,
): Promise<string[]> {
  if ("pull_number" in range) {
    const list = await github.paginate(github.rest.pulls.listCommits, {
      ...repo,
      pull_number: range.pull_number,
      per_page: 100,
    });
    return list.map((c) => c.sha);
  }
  const { data } = await github.rest.repos.compareCommitsWithBasehead({
    ...repo,
    basehead: `${range.base}...${range.head}`,
    per_page: 100,
  });
  return data.commits.map((c) => c.sha);
}

async function readCommit(
  github: GitHub,
  repo: RepoRef,
  sha: string,
): Promise<CommitPatch> {
  const { data } = await github.rest.repos.getCommit({ ...repo, ref: sha });
  const patch: CommitPatch = {
    sha,
    subject: data.commit.message.split("\n")[0] ?? "",
    added: [],
    deleted: [],
  };
  for (const f of data.files ?? []) {
    if (f.status === "removed") patch.deleted.push(f.filename);
    if (!f.patch) continue;
    const parsed = parseUnifiedDiff(`+++ b/${f.filename}\n${f.patch}`);
    patch.added.push(...parsed.added);
  }
  return patch;
}
