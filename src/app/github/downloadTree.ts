import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { dirTree } from "../../workspace/dirTree.js";
import type { Tree } from "../../workspace/Tree.js";
import {
  ArchiveLimitError,
  extractTarball,
  type ArchiveLimits,
  type RefusedEntry,
} from "../archive/extractTarball.js";
import type { GitHub, RepoRef } from "./GitHub.js";

/** Limits on one downloaded revision. */
export interface DownloadLimits extends ArchiveLimits {
  /** Bytes of the compressed archive. */
  maxArchiveBytes: number;
}

/** One revision on disk and the archive entries that were refused. */
export interface DownloadedTree {
  tree: Tree;
  refused: RefusedEntry[];
}

/**
 * Downloads the tarball of one commit and unpacks it under `root/side`.
 * The commit is fetched from the base repository even for fork PRs: GitHub
 * serves the PR head there, and the app needs no access to the fork.
 */
export async function downloadTree(
  github: GitHub,
  repo: RepoRef,
  side: Tree["side"],
  sha: string,
  root: string,
  limits: DownloadLimits,
): Promise<DownloadedTree> {
  const { data } = await github.rest.repos.downloadTarballArchive({
    ...repo,
    ref: sha,
  });
  const archive = new Uint8Array(data as ArrayBuffer);
  if (archive.byteLength > limits.maxArchiveBytes) {
    throw new ArchiveLimitError(
      `${side} archive of ${sha} is ${archive.byteLength} bytes, ` +
        `over the limit of ${limits.maxArchiveBytes}`,
    );
  }
  const dir = join(root, side);
  await mkdir(dir);
  const { refused } = await extractTarball(archive, dir, limits);
  return { tree: dirTree(dir, side, sha), refused };
}
