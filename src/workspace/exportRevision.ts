import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { x as extract } from "tar";
import { dirTree } from "./dirTree.js";
import type { Tree } from "./Tree.js";

function insideRoot(path: string): boolean {
  return !path.startsWith("/") && !path.split("/").includes("..");
}

/**
 * Writes the tree of a git revision into a new temp directory (through
 * `git archive`, extracted with `tar`, which skips absolute and `..` paths) and returns it as a {@link Tree}. The caller removes `tree.dir`.
 */
export async function exportRevision(
  repoDir: string,
  rev: string,
  side: Tree["side"],
): Promise<Tree> {
  const dir = await mkdtemp(join(tmpdir(), `gitops-gate-${side}-`));
  const git = spawn("git", ["archive", "--format=tar", rev], {
    cwd: repoDir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  git.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number>((res) => git.on("close", res));
  // Symlinks are kept exactly as committed (an absolute target too), so
  // the render sandbox and the checks can refuse them with a finding;
  // entry paths that would land outside `dir` are skipped.
  const unpack = extract({
    cwd: dir,
    strict: true,
    preservePaths: true,
    filter: (path) => insideRoot(path),
  });
  git.stdout.pipe(unpack);
  const [code] = await Promise.all([
    exited,
    new Promise((res, rej) => unpack.on("finish", res).on("error", rej)),
  ]);
  if (code !== 0) {
    throw new Error(`export ${rev}: git archive failed: ${stderr.trim()}`);
  }
  return dirTree(dir, side, rev);
}
