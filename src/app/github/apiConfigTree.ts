import { CONFIG_PATHS } from "../../config/loadConfig.js";
import type { Tree } from "../../workspace/Tree.js";
import type { GitHub, RepoRef } from "./GitHub.js";

/**
 * A {@link Tree} of only the config files of one commit, read through the
 * API: enough for loading the config without downloading the repository
 * (commands need `commands.teams` only).
 */
export function apiConfigTree(
  github: GitHub,
  repo: RepoRef,
  sha: string,
): Tree {
  const contents = new Map<string, Buffer>();
  let listed: Promise<string[]> | undefined;
  const probe = async (): Promise<string[]> => {
    for (const path of CONFIG_PATHS) {
      const text = await readAt(github, repo, path, sha);
      if (text !== undefined) {
        contents.set(path, Buffer.from(text));
        return [path];
      }
    }
    return [];
  };
  return {
    dir: "",
    side: "base",
    rev: sha,
    files: () => (listed ??= probe()),
    readFile: async (path) => {
      await (listed ??= probe());
      const found = contents.get(path);
      if (!found) throw new Error(`read ${path}@${sha}: not a config file`);
      return found;
    },
  };
}

async function readAt(
  github: GitHub,
  repo: RepoRef,
  path: string,
  ref: string,
): Promise<string | undefined> {
  try {
    const { data } = await github.rest.repos.getContent({
      ...repo,
      path,
      ref,
      mediaType: { format: "raw" },
    });
    return typeof data === "string" ? data : undefined;
  } catch (err) {
    if ((err as { status?: number }).status === 404) return undefined;
    throw new Error(`read ${path}@${ref}`, { cause: err });
  }
}
