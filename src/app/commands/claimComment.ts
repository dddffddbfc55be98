import type { Logger } from "probot";
import type { GitHub, RepoRef } from "../github/GitHub.js";
import type { JobRegistry } from "../job/JobRegistry.js";

/** A comment this delivery handles; `release` lets a retry handle it. */
export interface CommentClaim {
  release: (log: Pick<Logger, "warn">) => Promise<void>;
}

/**
 * Claims a command comment so it runs once, however often it arrives (a
 * redelivery, or a second delivery id for the same comment): first in
 * this process (the comment id), then across restarts through the app's
 * 👀 reaction, which GitHub answers with 200 instead of 201 when the app
 * already reacted. `undefined` when the comment was handled before.
 */
export async function claimComment(
  github: GitHub,
  repo: RepoRef,
  commentId: number,
  registry: Pick<JobRegistry, "firstDelivery" | "forgetDelivery">,
): Promise<CommentClaim | undefined> {
  const key = `comment:${repo.owner}/${repo.repo}#${commentId}`;
  if (!registry.firstDelivery(key)) return undefined;
  const reaction = await github.rest.reactions
    .createForIssueComment({ ...repo, comment_id: commentId, content: "eyes" })
    .catch((err: unknown) => {
      registry.forgetDelivery(key);
      throw err;
    });
  if (reaction.status === 200) return undefined;
  return {
    // A failed command takes its reaction back, so GitHub's "Redeliver"
    // (or the next process) runs it instead of dropping it.
    release: async (log) => {
      registry.forgetDelivery(key);
      await github.rest.reactions
        .deleteForIssueComment({
          ...repo,
          comment_id: commentId,
          reaction_id: reaction.data.id,
        })
        .catch((err: unknown) => {
          log.warn({ err }, "removing the 👀 of a failed command failed");
        });
    },
  };
}
