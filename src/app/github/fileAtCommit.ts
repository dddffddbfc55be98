import type { GitHub, RepoRef } from "./GitHub.js";

/** Files larger than this are not read as of a commit. */
const MAX_BYTES = 1024 * 1024;

/**
 * A `ChangeSet.readAt` over the contents API: the text of a file as of a
 * commit, so the secrets check can read a commit's added lines in their
 * file. A missing, binary or large file, or any API error, is undefined:
 * the added lines are then scanned alone, as before.
 */
export function fileAtCommit(
  github: GitHub,
  repo: RepoRef,
): (sha: string, path: string) => Promise<string | undefined> {
  return async (sha, path) => {
    try {
      const { data } = await github.rest.repos.getContent({
        ...repo,
        path,
        ref: sha,
        mediaType: { format: "raw" },
      });
      // The raw media type makes `data` the file's text, which the
      // generated types do not know.
      const text: unknown = data;
      if (typeof text !== "string" || text.length > MAX_BYTES) return undefined;
      return text.includes("\u0000") ? undefined : text;
    } catch (err) {
      // Best effort: context only adds findings, never removes them.
      void err;
      return undefined;
    }
  };
}
