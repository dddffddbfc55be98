import { mkdir, stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { GateRequest } from "../../gate/runGate.js";
import { dirTree } from "../../workspace/dirTree.js";
import { exportRevision } from "../../workspace/exportRevision.js";
import type { GitRunner } from "../../workspace/git.js";
import { gitChangeSet } from "../../workspace/gitChangeSet.js";
import type { Tree } from "../../workspace/Tree.js";
import { UsageError } from "../UsageError.js";
import type { CheckOptions } from "./CheckOptions.js";

/** A gate request plus the temp dirs to remove afterwards. */
export interface PreparedRequest {
  request: GateRequest;
  cleanup: string[];
}

/**
 * Turns CLI options into a gate request: the working tree alone, or base
 * and head revisions from git. Throws {@link UsageError} for a missing
 * directory, a non-git directory with `--base` or an unknown ref.
 */
export async function prepareRequest(
  opts: Pick<CheckOptions, "dir" | "base" | "head">,
  cwd: string,
  git: GitRunner,
): Promise<PreparedRequest> {
  const dir = resolve(cwd, opts.dir);
  await mustBeDirectory(dir, opts.dir);
  if (opts.base === undefined) {
    if (opts.head !== undefined) {
      throw new UsageError("--head needs --base: say what to compare with");
    }
    const head = dirTree(dir, "head");
    return { request: { head, changes: everything() }, cleanup: [] };
  }
  const prefix = await gitPrefix(git, dir, opts.dir);
  const top = (await git(dir, ["rev-parse", "--show-toplevel"])).trim();
  const base = await verifyRef(git, dir, opts.base);
  const head = opts.head ? await verifyRef(git, dir, opts.head) : undefined;
  const cleanup: string[] = [];
  const baseTree = await exportAt(top, base, "base", prefix, cleanup);
  const headTree = head
    ? await exportAt(top, head, "head", prefix, cleanup)
    : dirTree(dir, "head");
  const changes = await gitChangeSet(git, dir, base, head);
  return {
    request: { head: headTree, base: baseTree, changes },
    cleanup,
  };
}

function everything() {
  return { all: true, paths: [], commits: [] };
}

async function mustBeDirectory(dir: string, shown: string): Promise<void> {
  const info = await stat(dir).catch((cause: Error) => {
    throw new UsageError(`directory not found: ${shown}`, { cause });
  });
  if (!info.isDirectory()) {
    throw new UsageError(
      `not a directory: ${shown} (give a repository folder)`,
    );
  }
}

async function gitPrefix(git: GitRunner, dir: string, shown: string) {
  try {
    return (await git(dir, ["rev-parse", "--show-prefix"])).trim();
  } catch (cause) {
    throw new UsageError(
      `${shown} is not inside a git repository; --base compares git ` +
        "revisions (drop --base to check the directory as it is)",
      { cause },
    );
  }
}

async function verifyRef(git: GitRunner, dir: string, ref: string) {
  try {
    const args = ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`];
    return (await git(dir, args)).trim();
  } catch (cause) {
    throw new UsageError(
      `unknown git revision "${ref}" (try a branch, tag or commit SHA; ` +
        "fetch it first if it lives on a remote)",
      { cause },
    );
  }
}

async function exportAt(
  top: string,
  sha: string,
  side: Tree["side"],
  prefix: string,
  cleanup: string[],
): Promise<Tree> {
  const tree = await exportRevision(top, sha, side);
  cleanup.push(tree.dir);
  if (!prefix) return tree;
  // The checked folder may not exist yet in the base revision.
  const sub = resolve(tree.dir, prefix);
  await mkdir(sub, { recursive: true });
  return dirTree(sub, side, sha);
}
