import { ConfigError } from "../../config/ConfigError.js";
import { escapeMarkdown } from "../../report/escapeMarkdown.js";
import { ArchiveLimitError } from "../archive/extractTarball.js";
import type { CheckResult } from "../publish/checkRuns.js";
import { fitText } from "../publish/fitText.js";
import { CHECK_TEXT_MAX } from "../publish/limits.js";

/**
 * The failing check run of a job that could not finish. The gate fails
 * closed: an error is never a pass. Invalid config names the file, line
 * and key. Pure.
 */
export function failureResult(err: unknown): CheckResult {
  if (err instanceof ConfigError) {
    const rows = err.problems.map(
      (p) =>
        `| \`${err.file}${p.line ? `:${p.line}` : ""}\` | ` +
        `\`${p.key || "(root)"}\` | ${escapeMarkdown(p.message)} |`,
    );
    return failed("Invalid GitOps Gate config", [
      `The config read from the base branch is invalid; fix it there.`,
      "",
      "| file | key | problem |",
      "| --- | --- | --- |",
      ...rows,
    ]);
  }
  const what = err instanceof Error ? err.message : String(err);
  if (err instanceof Error && err.name === "TimeoutError") {
    return failed("GitOps Gate timed out", [
      "The run passed its deadline (`GITOPS_GATE_JOB_TIMEOUT_SECONDS`) and " +
        "fails closed. Re-run it, or raise the deadline for large changes.",
    ]);
  }
  if (err instanceof ArchiveLimitError) {
    return failed("Repository too large to check", [escapeMarkdown(what)]);
  }
  return failed("GitOps Gate could not finish", [
    "The gate fails closed when it cannot finish. Re-run it with the " +
      "button above or `/gitops recheck`.",
    "",
    `Error: ${escapeMarkdown(what)}`,
  ]);
}

/** An over-long summary would be refused and leave the run stuck. */
function failed(title: string, lines: string[]): CheckResult {
  return {
    conclusion: "failure",
    title,
    summary: fitText(lines.join("\n"), CHECK_TEXT_MAX, "the log has the rest"),
    annotations: [],
  };
}
