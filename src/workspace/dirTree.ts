import { readdir, readFile, realpath } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import type { Tree } from "./Tree.js";

/** Directories never listed: VCS data and dependency caches. */
const SKIP_DIRS = new Set([".git", "node_modules"]);
/** A repository with more files than this is refused, not walked forever. */
const MAX_FILES = 200_000;

/**
 * A {@link Tree} over a directory on disk. `files()` lists regular files and
 * symlinks (not followed); `readFile` refuses paths and symlinks that leave
 * the directory.
 */
export function dirTree(dir: string, side: Tree["side"], rev?: string): Tree {
  const root = resolve(dir);
  let cached: Promise<string[]> | undefined;
  const tree: Tree = {
    dir: root,
    side,
    files: () => (cached ??= listFiles(root)),
    readFile: (path) => readInside(root, path),
  };
  if (rev !== undefined) tree.rev = rev;
  return tree;
}

async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.isDirectory() && SKIP_DIRS.has(e.name)) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() || e.isSymbolicLink()) out.push(toRel(root, full));
      if (out.length > MAX_FILES) {
        throw new Error(`list ${root}: more than ${MAX_FILES} files`);
      }
    }
  };
  await walk(root);
  return out.sort();
}

async function readInside(root: string, path: string): Promise<Buffer> {
  const full = resolve(root, path);
  const real = await realpath(full);
  const realRoot = await realpath(root);
  if (real !== realRoot && !real.startsWith(realRoot + sep)) {
    throw Object.assign(
      new Error(`read ${path}: resolves outside the checkout`),
      { code: "EOUTSIDE" },
    );
  }
  return readFile(real);
}

function toRel(root: string, full: string): string {
  return relative(root, full).split(sep).join("/");
}
