import type { Verdict } from "../../gate/Verdict.js";
import { fitText } from "../publish/fitText.js";
import { CHECK_TEXT_MAX } from "../publish/limits.js";
import { toAnnotations } from "../publish/toAnnotations.js";
import type { CheckResult } from "../publish/checkRuns.js";

/** How the run ends for a draft PR. */
export type DraftMode = "neutral" | "check";

/**
 * The check run of a verdict: conclusion (a passing draft is `neutral`
 * unless configured to `check`), a title with the counts, the report as
 * summary (cut with a note if too long) and every annotation. Pure.
 */
export function toCheckResult(
  verdict: Verdict,
  report: string,
  notes: readonly string[],
  draft: DraftMode | undefined,
): CheckResult {
  const { counts, blocking } = verdict.summary;
  const conclusion =
    draft === "neutral" && verdict.conclusion === "success"
      ? "neutral"
      : verdict.conclusion;
  const title =
    `${blocking} blocking · ${counts.error} errors, ` +
    `${counts.warning} warnings, ${counts.notice} notices` +
    (conclusion !== verdict.conclusion ? " (draft)" : "");
  const body = [report, ...notes.map((n) => `> ${n}`)].join("\n\n");
  return {
    conclusion,
    title,
    summary: fitText(body, CHECK_TEXT_MAX, "every finding is annotated"),
    annotations: toAnnotations(verdict.findings),
  };
}
