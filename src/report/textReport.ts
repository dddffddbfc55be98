import type { Severity } from "../findings/finding.js";
import type { Verdict } from "../gate/Verdict.js";
import { formatLocation } from "./formatLocation.js";

/** Options of {@link textReport}. */
export interface TextOptions {
  /** ANSI colours (only on a TTY). */
  color: boolean;
}

const COLORS: Record<Severity | "reset" | "dim", string> = {
  error: "\u001b[31m",
  warning: "\u001b[33m",
  notice: "\u001b[36m",
  dim: "\u001b[2m",
  reset: "\u001b[0m",
};

/**
 * `--format text`: one line per finding (`path:line: severity [rule]
 * message`), then the targets and a summary line.
 */
export function textReport(verdict: Verdict, opts: TextOptions): string {
  const paint = (c: keyof typeof COLORS, s: string) =>
    opts.color ? `${COLORS[c]}${s}${COLORS.reset}` : s;
  const lines = verdict.findings.map(
    (f) =>
      `${formatLocation(f.location)}: ${paint(f.severity, f.severity)} ` +
      `[${f.ruleId}] ${f.message}`,
  );
  const { summary } = verdict;
  const targets = summary.targets.map(
    (t) =>
      paint("dim", `  ${t.ok ? "ok    " : "FAILED"} ${t.id}`) +
      paint("dim", ` (${resourceCount(t.resources)})`),
  );
  const c = summary.counts;
  const tail =
    `${summary.conclusion.toUpperCase()}: ${summary.reason} — ` +
    `${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ` +
    `${plural(c.notice, "notice")} in ` +
    `${plural(summary.targets.length, "target")}`;
  const head = targets.length ? ["targets:", ...targets, ""] : [];
  return [...lines, lines.length ? "" : undefined, ...head, tail]
    .filter((l) => l !== undefined)
    .join("\n")
    .concat("\n");
}

function resourceCount(n: number): string {
  return n === 0 ? "no resources rendered" : plural(n, "resource");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
