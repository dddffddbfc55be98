import {
  mkdtemp,
  mkdir,
  readFile,
  readdir,
  rm,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { renderSchema } from "../../config/sections/render.js";
import type { Config } from "../../config/schema.js";
import type { Tree } from "../../workspace/Tree.js";
import type { RenderContext } from "../Renderer.js";

/** A small repo written to a temp dir, for scenario tests. */
export interface Scenario {
  dir: string;
  tree: Tree;
  ctx: RenderContext;
  files(): Promise<string[]>;
  cleanup(): Promise<void>;
}

/**
 * Writes `files` (path → content) into a new temp dir and returns a tree
 * and render context over it.
 *
 * @param render - the `render` config section as a user would write it
 */
export async function scenario(
  files: Record<string, string>,
  render: unknown = {},
  environments: Config["environments"] = {},
): Promise<Scenario> {
  const dir = await mkdtemp(join(tmpdir(), "gg-scenario-"));
  await writeRepo(dir, files);
  const tree = dirTree(dir, "head");
  const config = { render: renderSchema.parse(render), environments };
  return {
    dir,
    tree,
    ctx: { tree, config },
    files: () => tree.files(),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Writes files below `dir`, creating directories. */
export async function writeRepo(
  dir: string,
  files: Record<string, string>,
): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/** A minimal {@link Tree} over a directory, for tests. */
export function dirTree(dir: string, side: Tree["side"]): Tree {
  return {
    dir,
    side,
    async files() {
      const out: string[] = [];
      const walk = async (d: string) => {
        for (const e of await readdir(d, { withFileTypes: true })) {
          if (e.name === ".git") continue;
          const full = join(d, e.name);
          if (e.isDirectory()) await walk(full);
          else out.push(relative(dir, full).split("\\").join("/"));
        }
      };
      await walk(dir);
      return out.sort();
    },
    readFile: (path) => readFile(join(dir, path)),
  };
}
