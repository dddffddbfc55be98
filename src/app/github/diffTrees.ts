import type { Tree } from "../../workspace/Tree.js";

/**
 * Paths that differ between two checkouts (added, removed or changed
 * content). Used when GitHub's file list is truncated or absent (merge
 * groups), so no change can hide past the API's cap.
 */
export async function diffTrees(base: Tree, head: Tree): Promise<string[]> {
  const [before, after] = await Promise.all([base.files(), head.files()]);
  const inBase = new Set(before);
  const changed = new Set(before.filter((p) => !after.includes(p)));
  for (const path of after) {
    if (!inBase.has(path) || !(await sameContent(base, head, path))) {
      changed.add(path);
    }
  }
  return [...changed].sort();
}

async function sameContent(a: Tree, b: Tree, path: string): Promise<boolean> {
  const [x, y] = await Promise.all([read(a, path), read(b, path)]);
  return x !== undefined && y !== undefined && x.equals(y);
}

/** Links that point nowhere readable compare as changed. */
async function read(tree: Tree, path: string): Promise<Buffer | undefined> {
  try {
    return await tree.readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EOUTSIDE") return undefined;
    throw new Error(`compare ${path}`, { cause: err });
  }
}
