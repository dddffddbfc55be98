import type { ExtendsTarget } from "../config/parseExtends.js";
import type { GitHub } from "./GitHub.js";

/**
 * Reads a file from another repository's default branch (org defaults);
 * a missing file or repository is `undefined`, other errors throw.
 */
export async function fetchRepoFile(
  github: GitHub,
  file: ExtendsTarget,
): Promise<string | undefined> {
  try {
    const { data } = await github.rest.repos.getContent({
      ...file,
      mediaType: { format: "raw" },
    });
    return typeof data === "string" ? data : undefined;
  } catch (err) {
    if ((err as { status?: number }).status === 404) return undefined;
    throw new Error(`read ${file.owner}/${file.repo}:${file.path}`, {
      cause: err,
    });
  }
}
