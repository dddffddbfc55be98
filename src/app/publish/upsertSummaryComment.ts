import type { GitHub, RepoRef } from "../github/GitHub.js";
import { byApp } from "./authorship.js";
import { fitText } from "./fitText.js";
import { COMMENT_MAX } from "./limits.js";

/** Hidden marker of the one summary comment per PR. */
export const SUMMARY_MARKER = "<!-- gitops-gate:summary -->";

/**
 * Writes the summary comment: updates the app's earlier comment in place
 * (found by its hidden marker, posted by the app itself so no one can
 * plant one; `botLogin` is the app's login), or creates it. One comment
 * per PR, not one per push.
 */
export async function upsertSummaryComment(
  github: GitHub,
  repo: RepoRef,
  issueNumber: number,
  markdown: string,
  botLogin?: string,
): Promise<void> {
  const body = fitText(
    `${SUMMARY_MARKER}\n${markdown}`,
    COMMENT_MAX,
    "the check run lists every finding",
  );
  const comments = await github.paginate(github.rest.issues.listComments, {
    ...repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  const mine = byApp(botLogin);
  const ours = comments.find(
    (c) => mine(c.user) && c.body?.startsWith(SUMMARY_MARKER),
  );
  if (ours) {
    await github.rest.issues.updateComment({
      ...repo,
      comment_id: ours.id,
      body,
    });
  } else {
    await github.rest.issues.createComment({
      ...repo,
      issue_number: issueNumber,
      body,
    });
  }
}
