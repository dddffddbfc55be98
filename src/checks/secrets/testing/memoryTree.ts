import type { Tree } from "../../../workspace/Tree.js";

/** A {@link Tree} over in-memory files, for tests. */
export function memoryTree(
  files: Record<string, string>,
  side: Tree["side"] = "head",
): Tree {
  return {
    dir: "/memory",
    side,
    files: async () => Object.keys(files).sort(),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`read ${path}: no such file`);
      return Buffer.from(text, "utf8");
    },
  };
}
