import { readFileSync } from "node:fs";
import type { ConfigInput } from "../../config/schema.js";
import type { Finding, Severity } from "../../findings/finding.js";
import { schemaCheck } from "./schemaCheck.js";
import { schemaInput, type Files } from "./testInput.js";

/** A file of `testdata/`. */
export const fixture = (name: string): string =>
  readFileSync(new URL(`testdata/${name}`, import.meta.url), "utf8");

/** Replaces a snippet that must be there (so a broken fixture fails). */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
  return text.replace(from, () => to); // `to` may hold `$'`: no patterns
}

/** 1-based line of the first line of `text` containing `marker`. */
export function lineOf(text: string, marker: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(marker));
  if (i < 0) throw new Error(`fixture has no line with ${marker}`);
  return i + 1;
}

/** One finding a case expects. */
export interface Expected {
  ruleId: string;
  severity?: Severity;
  /** File and text of the line the finding must point at. */
  file: string;
  marker: string;
  /** Text the message must contain (the JSON path, the replacement). */
  says?: string;
}

/** A row of the schema check's case tables. */
export interface Case {
  name: string;
  files: Files;
  repoOnly?: Files;
  config?: ConfigInput;
  expected: Expected[];
}

/** Where a finding points, to compare with an expectation. */
export interface Pointed {
  ruleId: string;
  severity: Severity;
  path: string;
  line: number | undefined;
}

/** Runs the check on a case: what it found, and what the case expects. */
export async function runCase(
  c: Case,
): Promise<{ findings: Finding[]; got: Pointed[]; want: Pointed[] }> {
  const opts = { repoOnly: c.repoOnly, config: c.config };
  const findings = await schemaCheck.run(schemaInput(c.files, opts));
  const got = findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    path: f.location.path,
    line: f.location.line,
  }));
  const want = c.expected.map((e) => ({
    ruleId: e.ruleId,
    severity: e.severity ?? "error",
    path: e.file,
    line: lineOf(c.files[e.file] ?? "", e.marker),
  }));
  return { findings, got, want };
}

/** A custom resource of the `testdata/crd-widget.yaml` CRD. */
export const widget = (spec: string, apiVersion = "example.com/v1"): string =>
  `apiVersion: ${apiVersion}\nkind: Widget\nmetadata:\n  name: w\nspec:\n${spec}`;
