import type { Finding, Severity } from "../findings/finding.js";
import type { Verdict } from "../gate/Verdict.js";
import { escapeMarkdown } from "./escapeMarkdown.js";
import { formatLocation } from "./formatLocation.js";

/** Options of {@link markdownReport}. */
export interface MarkdownOptions {
  /** Turns a repo path + line into a link (the app links to the head SHA). */
  link?: (path: string, line?: number) => string;
  /** Most findings listed in the table; the rest are counted, not hidden. */
  maxFindings?: number;
  /** Markdown of the rendered diff, already formatted. */
  diffMarkdown?: string;
}

const ICON: Record<Verdict["conclusion"], string> = {
  success: "✅",
  failure: "❌",
  neutral: "➖",
};
const SEVERITY_ICON: Record<Severity, string> = {
  error: "🔴",
  warning: "🟡",
  notice: "🔵",
};

/**
 * The PR comment and check-run summary: conclusion, counts by check, the
 * findings table and the rendered targets. Pure.
 */
export function markdownReport(
  verdict: Verdict,
  opts: MarkdownOptions = {},
): string {
  const { summary } = verdict;
  const parts = [
    `### ${ICON[verdict.conclusion]} GitOps Gate: ${summary.conclusion}`,
    "",
    escapeMarkdown(`${summary.reason}.`),
    "",
    countsTable(verdict),
    findingsTable(verdict.findings, opts),
    targetsList(verdict),
    opts.diffMarkdown ?? "",
  ];
  return parts
    .filter((p) => p !== "")
    .join("\n\n")
    .concat("\n");
}

function countsTable(verdict: Verdict): string {
  const rows = Object.entries(verdict.summary.byCheck).map(
    ([check, c]) => `| ${check} | ${c.error} | ${c.warning} | ${c.notice} |`,
  );
  if (rows.length === 0) return "No findings.";
  return [
    "| check | errors | warnings | notices |",
    "| --- | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
}

function findingsTable(findings: readonly Finding[], opts: MarkdownOptions) {
  if (findings.length === 0) return "";
  const max = opts.maxFindings ?? 200;
  const rows = findings.slice(0, max).map((f) => {
    const where = escapeMarkdown(formatLocation(f.location));
    const loc = opts.link
      ? `[${where}](${opts.link(f.location.path, f.location.line)})`
      : `\`${formatLocation(f.location).replace(/`/g, "'")}\``;
    return (
      `| ${SEVERITY_ICON[f.severity]} ${f.severity} | ${f.check} | ` +
      `${escapeMarkdown(f.ruleId)} | ${loc} | ${escapeMarkdown(f.message)} |`
    );
  });
  const cut = findings.length - rows.length;
  const note = cut > 0 ? [`\n_${cut} more findings not listed here._`] : [];
  return [
    "| severity | check | rule | location | message |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    ...note,
  ].join("\n");
}

function targetsList(verdict: Verdict): string {
  const targets = verdict.summary.targets;
  if (targets.length === 0) return "";
  const items = targets.map(
    (t) =>
      `- ${t.ok ? "" : "⚠️ failed: "}\`${t.id}\`` +
      `${t.environment ? ` (${t.environment})` : ""}: ` +
      (t.resources === 1 ? "1 resource" : `${t.resources} resources`),
  );
  return [
    `<details><summary>${targets.length} target${targets.length === 1 ? "" : "s"}</summary>`,
    "",
    ...items,
    "",
    "</details>",
  ].join("\n");
}
