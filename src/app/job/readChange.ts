import type { Finding } from "../../findings/finding.js";
import type { ChangeSet } from "../../workspace/ChangeSet.js";
import type { Tree } from "../../workspace/Tree.js";
import { diffTrees } from "../github/diffTrees.js";
import { fileAtCommit } from "../github/fileAtCommit.js";
import { downloadTree, type DownloadLimits } from "../github/downloadTree.js";
import type { GitHub } from "../github/GitHub.js";
import { listChangedFiles } from "../github/listChangedFiles.js";
import { listCommitPatches } from "../github/listCommitPatches.js";
import type { GateJob } from "./GateJob.js";

/** Limits on reading a change. */
export interface ReadLimits extends DownloadLimits {
  maxCommits: number;
}

/** Both sides of a change on disk, and what the PR adds. */
export interface Change {
  base: Tree;
  head: Tree;
  changes: ChangeSet;
  addedLines: Map<string, Set<number>>;
  /** Findings about the archives themselves (refused entries). */
  findings: Finding[];
  /** Facts for the summary: truncation, skipped commits. */
  notes: string[];
}

/**
 * Reads a change: base and head tarballs unpacked under `root`, changed
 * paths from the API (or from the trees when the list is truncated or
 * there is no PR) and the commits with their added lines.
 */
export async function readChange(
  github: GitHub,
  job: GateJob,
  root: string,
  limits: ReadLimits,
): Promise<Change> {
  const repo = { owner: job.owner, repo: job.repo };
  const base = await downloadTree(
    github,
    repo,
    "base",
    job.baseSha,
    root,
    limits,
  );
  const head = await downloadTree(
    github,
    repo,
    "head",
    job.headSha,
    root,
    limits,
  );
  const notes: string[] = [];
  const listed = job.pr
    ? await listChangedFiles(
        github,
        { ...repo, pull_number: job.pr.number },
        job.pr.changedFiles,
      )
    : undefined;
  let paths = listed?.paths;
  if (!listed || listed.truncated) {
    if (listed)
      notes.push(
        "GitHub's file list was truncated: changed paths come from comparing the trees.",
      );
    paths = await diffTrees(base.tree, head.tree);
  }
  const range = job.pr
    ? { pull_number: job.pr.number }
    : { base: job.baseSha, head: job.headSha };
  const { commits, skipped } = await listCommitPatches(
    github,
    repo,
    range,
    limits.maxCommits,
  );
  if (skipped > 0)
    notes.push(
      `${skipped} older commits were not scanned one by one (limit ${limits.maxCommits}).`,
    );
  return {
    base: base.tree,
    head: head.tree,
    changes: {
      all: false,
      paths: paths ?? [],
      commits,
      readAt: fileAtCommit(github, repo),
    },
    addedLines: listed?.addedLines ?? new Map(),
    findings: head.refused.map((r): Finding => ({
      check: "render",
      ruleId: "archive/refused-entry",
      severity: "error",
      message: `not checked: ${r.reason}`,
      location: { path: r.path },
    })),
    notes,
  };
}
