import type { GitRunner } from "./git.js";

/** Files larger than this are not read as of a commit. */
const MAX_BYTES = 1024 * 1024;

/** The sha of the pseudo-commit that stands for the work tree. */
export const WORKTREE = "WORKTREE";

/**
 * A `ChangeSet.readAt` over a git repository: the text of `path`
 * (relative to `dir`) as of commit `sha`, read from the object store, so
 * a symlink is its target's name and nothing outside the repo is read.
 * Absent, binary and large files are undefined; so is the work tree,
 * which the head scan reads whole already.
 */
export function gitFileAt(
  git: GitRunner,
  dir: string,
): (sha: string, path: string) => Promise<string | undefined> {
  return async (sha, path) => {
    if (sha === WORKTREE || !/^[0-9a-f]{7,64}$/i.test(sha)) return undefined;
    const object = `${sha}:./${path}`;
    const size = await git(dir, ["cat-file", "-s", object]).catch(
      () => undefined,
    );
    if (size === undefined || Number(size.trim()) > MAX_BYTES) return undefined;
    const text = await git(dir, ["cat-file", "blob", object]);
    return text.includes("\u0000") ? undefined : text;
  };
}
