import type { Finding, Severity } from "../../findings/finding.js";
import { ANNOTATION_MESSAGE_MAX, ANNOTATION_TITLE_MAX } from "./limits.js";

/** A check-run annotation as the API takes it. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  title: string;
  message: string;
}

const LEVEL: Record<Severity, Annotation["annotation_level"]> = {
  error: "failure",
  warning: "warning",
  notice: "notice",
};

/**
 * One annotation per finding that names a file, on the source line a human
 * edits. The API needs a line: a finding about the whole file goes on line
 * 1 and says so, as does an approximate line. Findings without a path stay
 * in the summary only. Pure.
 */
export function toAnnotations(findings: readonly Finding[]): Annotation[] {
  return findings.filter((f) => f.location.path !== "").map(toAnnotation);
}

function toAnnotation(f: Finding): Annotation {
  const start = f.location.line ?? 1;
  const end = Math.max(f.location.endLine ?? start, start);
  const a: Annotation = {
    path: f.location.path,
    start_line: start,
    end_line: end,
    annotation_level: LEVEL[f.severity],
    title: clip(`${f.ruleId} (${f.check})`, ANNOTATION_TITLE_MAX),
    message: clip(message(f), ANNOTATION_MESSAGE_MAX),
  };
  // The API accepts columns only on single-line annotations.
  if (f.location.column && start === end) a.start_column = f.location.column;
  return a;
}

function message(f: Finding): string {
  const r = f.resource;
  const about = r
    ? `\n${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name}`
    : "";
  const docs = f.docsUrl ? `\n${f.docsUrl}` : "";
  return `${f.message}${about}${docs}${lineNote(f)}`;
}

function lineNote(f: Finding): string {
  if (f.location.line === undefined) {
    return "\n(About the whole file, not line 1: the finding has no line.)";
  }
  const why = f.location.approximate;
  return why ? `\n(Approximate line: ${why})` : "";
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
