import type { Finding, Severity } from "../../findings/finding.js";
import { atLeast } from "../../findings/severity.js";
import { escapeMarkdown } from "../../report/escapeMarkdown.js";
import { findingId, findingMarker } from "./findingMarker.js";
import { fitText } from "./fitText.js";
import { COMMENT_MAX, REVIEW_COMMENTS_MAX } from "./limits.js";

/** A line comment the review will carry. */
export interface ReviewComment {
  path: string;
  line: number;
  side: "RIGHT";
  body: string;
}

/** What a run adds to the PR's review comments. */
export interface ReviewPlan {
  comments: ReviewComment[];
  /** Blocking findings on changed lines left out over the cap. */
  overflow: number;
  /** Ids of earlier comments whose finding is gone. */
  fixed: string[];
}

/** Inputs of {@link planReview}. */
export interface ReviewInput {
  findings: readonly Finding[];
  failOn: Severity | "never";
  /** Lines the PR adds, by path (only those may be commented on). */
  addedLines: ReadonlyMap<string, ReadonlySet<number>>;
  /** Finding ids of review comments the app already posted. */
  posted: ReadonlySet<string>;
}

/**
 * Chooses review comments: blocking findings on lines the PR adds, never
 * one already posted for the same finding, at most
 * {@link REVIEW_COMMENTS_MAX}. Posted findings no longer present are
 * reported as fixed. Pure.
 */
export function planReview(input: ReviewInput): ReviewPlan {
  const current = new Set<string>();
  const fresh: ReviewComment[] = [];
  for (const f of input.findings) {
    if (!blocks(f, input.failOn)) continue;
    const id = findingId(f);
    current.add(id);
    const line = f.location.line;
    if (line === undefined || input.posted.has(id)) continue;
    if (!input.addedLines.get(f.location.path)?.has(line)) continue;
    if (fresh.some((c) => c.body.endsWith(findingMarker(id)))) continue;
    fresh.push({
      path: f.location.path,
      line,
      side: "RIGHT",
      body: body(f, id),
    });
  }
  return {
    comments: fresh.slice(0, REVIEW_COMMENTS_MAX),
    overflow: Math.max(fresh.length - REVIEW_COMMENTS_MAX, 0),
    fixed: [...input.posted].filter((id) => !current.has(id)),
  };
}

function blocks(f: Finding, failOn: ReviewInput["failOn"]): boolean {
  return failOn !== "never" && atLeast(f.severity, failOn);
}

/** One over-long comment would make GitHub refuse the whole review. */
function body(f: Finding, id: string): string {
  const docs = f.docsUrl ? ` ([docs](${f.docsUrl}))` : "";
  const marker = findingMarker(id);
  const text =
    `**${f.severity}** ${escapeMarkdown(f.ruleId)} (${f.check}): ` +
    `${escapeMarkdown(f.message)}${docs}`;
  const room = COMMENT_MAX - marker.length - 2;
  return `${fitText(text, room, "the check run has the whole message")}\n\n${marker}`;
}
