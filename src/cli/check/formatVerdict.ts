import type { Verdict } from "../../gate/Verdict.js";
import { jsonReport } from "../../report/jsonReport.js";
import { markdownReport } from "../../report/markdownReport.js";
import { renderDiffMarkdown } from "../../report/renderDiffMarkdown.js";
import { sarifReport } from "../../report/sarifReport.js";
import { textReport } from "../../report/textReport.js";
import type { CheckOptions } from "./CheckOptions.js";

/** Renders a verdict in the format the user asked for. */
export function formatVerdict(
  verdict: Verdict,
  format: CheckOptions["format"],
  env: { color: boolean; version: string },
): string {
  switch (format) {
    case "json":
      return jsonReport(verdict);
    case "markdown":
      return markdownReport(
        verdict,
        verdict.diff ? { diffMarkdown: renderDiffMarkdown(verdict.diff) } : {},
      );
    case "sarif":
      return sarifReport(verdict, { version: env.version });
    case "text":
      return textReport(verdict, { color: env.color });
  }
}
