import type { Tree } from "../../../workspace/Tree.js";

/** An in-memory tree for tests: paths to file contents. */
export function memoryTree(
  files: Record<string, string>,
  side: Tree["side"] = "base",
): Tree {
  return {
    dir: "/memory",
    side,
    files: async () => Object.keys(files).sort(),
    readFile: async (path) => {
      if (!Object.hasOwn(files, path)) throw new Error(`no file ${path}`);
      return Buffer.from(files[path]!);
    },
  };
}
