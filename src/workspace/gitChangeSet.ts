import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { AddedLine, ChangeSet, CommitPatch } from "./ChangeSet.js";
import type { GitRunner } from "./git.js";
import { gitFileAt, WORKTREE } from "./gitFileAt.js";
import { parseUnifiedDiff } from "./parseUnifiedDiff.js";

/** Untracked files larger than this are not scanned line by line. */
const MAX_UNTRACKED = 10 * 1024 * 1024;
const SEP = "\u0001gitops-gate-commit\u0001";

/**
 * What changed between `base` and `head` of a git repository, with every
 * commit's added lines. `head` undefined means the working tree: commits
 * up to HEAD, then uncommitted and untracked files as a last pseudo-commit.
 */
export async function gitChangeSet(
  git: GitRunner,
  dir: string,
  base: string,
  head?: string,
): Promise<ChangeSet> {
  const to = head ?? "HEAD";
  const paths = new Set(
    lines(
      await git(dir, [
        "diff",
        "--relative",
        "--name-only",
        base,
        ...(head ? [head] : []),
      ]),
    ),
  );
  const log = await git(dir, [
    "log",
    "--relative",
    "--reverse",
    "--no-color",
    "--no-renames",
    "--unified=0",
    "-p",
    `--format=${SEP}%H%x00%s`,
    `${base}..${to}`,
    "--",
    ".",
  ]);
  const commits = log
    .split(SEP)
    .filter((c) => c.trim())
    .map(toCommit);
  if (!head) {
    const wt = await workingTreeCommit(git, dir);
    wt.added.forEach((a) => paths.add(a.path));
    if (wt.added.length > 0 || wt.deleted.length > 0) commits.push(wt);
  }
  return {
    all: false,
    paths: [...paths].sort(),
    commits,
    readAt: gitFileAt(git, dir),
  };
}

function toCommit(chunk: string): CommitPatch {
  const nl = chunk.indexOf("\n");
  const header = nl < 0 ? chunk : chunk.slice(0, nl);
  const [sha = "", subject = ""] = header.split("\u0000");
  return { sha, subject, ...parseUnifiedDiff(chunk.slice(nl + 1)) };
}

async function workingTreeCommit(
  git: GitRunner,
  dir: string,
): Promise<CommitPatch> {
  const diff = await git(dir, [
    "diff",
    "--relative",
    "--no-color",
    "--unified=0",
    "HEAD",
  ]);
  const parsed = parseUnifiedDiff(diff);
  const untracked = lines(
    await git(dir, ["ls-files", "--others", "--exclude-standard"]),
  );
  for (const path of untracked) {
    parsed.added.push(...(await fileAsAdded(dir, path)));
  }
  return { sha: WORKTREE, subject: "uncommitted changes", ...parsed };
}

/** Every line of an untracked text file, as added; binaries are skipped. */
async function fileAsAdded(dir: string, path: string): Promise<AddedLine[]> {
  const bytes = await readFile(join(dir, path)).catch(() => undefined);
  if (!bytes || bytes.length > MAX_UNTRACKED || bytes.includes(0)) return [];
  return bytes
    .toString("utf8")
    .replace(/\r?\n$/, "")
    .split(/\r?\n/)
    .map((text, i) => ({ path, line: i + 1, text }));
}

function lines(out: string): string[] {
  return out
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}
