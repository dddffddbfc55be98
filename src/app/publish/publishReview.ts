import type { Finding, Severity } from "../../findings/finding.js";
import type { GitHub, RepoRef } from "../github/GitHub.js";
import { byApp } from "./authorship.js";
import { markedFinding } from "./findingMarker.js";
import { planReview } from "./planReview.js";

/** What to review: the PR, its head and the lines it adds. */
export interface ReviewTarget extends RepoRef {
  pull_number: number;
  headSha: string;
  addedLines: ReadonlyMap<string, ReadonlySet<number>>;
  /** The app's login (`<slug>[bot]`): only its comments count as posted. */
  botLogin?: string;
}

const FIXED = "<!-- gitops-gate:fixed -->";

/**
 * Posts one review with line comments for new blocking findings on added
 * lines, skipping findings the app commented on before, and replies once
 * "fixed" under earlier comments whose finding is gone (the REST API cannot
 * resolve threads). Returns how many comments were posted.
 */
export async function publishReview(
  github: GitHub,
  target: ReviewTarget,
  findings: readonly Finding[],
  failOn: Severity | "never",
): Promise<number> {
  const { headSha, addedLines, botLogin, ...pr } = target;
  const existing = await github.paginate(github.rest.pulls.listReviewComments, {
    ...pr,
    per_page: 100,
  });
  const mine = byApp(botLogin);
  const ours = existing.filter((c) => mine(c.user));
  const posted = new Map<string, number>();
  for (const c of ours) {
    const id = markedFinding(c.body);
    if (id && c.in_reply_to_id == null) posted.set(id, c.id);
  }
  const plan = planReview({
    findings,
    failOn,
    addedLines,
    posted: new Set(posted.keys()),
  });
  if (plan.comments.length > 0) {
    const more =
      plan.overflow > 0 ? ` (${plan.overflow} more in the check run)` : "";
    await github.rest.pulls.createReview({
      ...pr,
      commit_id: headSha,
      event: "COMMENT",
      body: `GitOps Gate found ${plan.comments.length} blocking findings on changed lines${more}.`,
      comments: plan.comments,
    });
  }
  const replied = new Set(
    ours.filter((c) => c.body.includes(FIXED)).map((c) => c.in_reply_to_id),
  );
  for (const id of plan.fixed) {
    const commentId = posted.get(id);
    if (commentId === undefined || replied.has(commentId)) continue;
    await github.rest.pulls.createReplyForReviewComment({
      ...pr,
      comment_id: commentId,
      body: `✅ No longer found at ${headSha.slice(0, 7)}.\n\n${FIXED}`,
    });
  }
  return plan.comments.length;
}
