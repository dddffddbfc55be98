import type { Logger } from "probot";
import type { GitHub } from "../github/GitHub.js";
import {
  listReviewThreads,
  resolveReviewThread,
  type PullRef,
  type ReviewThread,
} from "../github/reviewThreads.js";

/** Marks the app's "no longer found" replies, so each is posted once. */
export const FIXED_MARKER = "<!-- gitops-gate:fixed -->";

/** Review comments the app started whose finding is gone. */
export interface FixedComments {
  /** REST ids of the first comments of those threads. */
  commentIds: readonly number[];
  /** Ids of comments that already have the app's reply. */
  replied: ReadonlySet<number>;
  headSha: string;
}

/**
 * Resolves the threads of fixed findings (GraphQL only: REST cannot). A
 * thread already resolved, by the app or a reviewer, is left alone. When
 * the threads cannot be listed or one cannot be resolved (the app lacks
 * the permission, GitHub errs), the app replies "no longer found" under
 * the comment instead, once. Callers pass only comments the app wrote.
 */
export async function closeFixed(
  github: GitHub,
  pr: PullRef,
  fixed: FixedComments,
  log: Pick<Logger, "warn">,
): Promise<void> {
  if (fixed.commentIds.length === 0) return;
  const threads = await listReviewThreads(github, pr).catch((err: unknown) => {
    log.warn({ err }, "listing review threads failed: replying instead");
    return new Map<number, ReviewThread>();
  });
  for (const commentId of fixed.commentIds) {
    const thread = threads.get(commentId);
    if (thread?.isResolved) continue;
    if (thread && (await resolved(github, thread, log))) continue;
    if (fixed.replied.has(commentId)) continue;
    await github.rest.pulls.createReplyForReviewComment({
      ...pr,
      comment_id: commentId,
      body: `✅ No longer found at ${fixed.headSha.slice(0, 7)}.\n\n${FIXED_MARKER}`,
    });
  }
}

async function resolved(
  github: GitHub,
  thread: ReviewThread,
  log: Pick<Logger, "warn">,
): Promise<boolean> {
  try {
    await resolveReviewThread(github, thread.id);
    return true;
  } catch (err) {
    log.warn({ err, thread: thread.id }, "resolving a thread failed: replying");
    return false;
  }
}
