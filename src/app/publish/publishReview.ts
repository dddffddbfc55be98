import type { Logger } from "probot";
import type { Finding, Severity } from "../../findings/finding.js";
import type { GitHub, RepoRef } from "../github/GitHub.js";
import { byApp } from "./authorship.js";
import { closeFixed, FIXED_MARKER } from "./closeFixed.js";
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

/**
 * Posts one review with line comments for new blocking findings on added
 * lines, skipping findings the app commented on before, and closes the
 * threads of earlier comments whose finding is gone (see
 * {@link closeFixed}). Returns how many comments were posted.
 */
export async function publishReview(
  github: GitHub,
  target: ReviewTarget,
  findings: readonly Finding[],
  failOn: Severity | "never",
  log: Pick<Logger, "warn">,
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
  const replied = new Set<number>();
  for (const c of ours) {
    if (c.body.includes(FIXED_MARKER) && c.in_reply_to_id != null) {
      replied.add(c.in_reply_to_id);
    }
  }
  const commentIds = plan.fixed.flatMap((id) => posted.get(id) ?? []);
  await closeFixed(github, pr, { commentIds, replied, headSha }, log);
  return plan.comments.length;
}
