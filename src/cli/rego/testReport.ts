/** The outcome of one test rule, as `opa test` names it. */
export interface TestOutcome {
  file: string;
  /** Full name, `data.<package>.<rule>`. */
  name: string;
  status: "PASS" | "FAIL" | "ERROR" | "SKIPPED";
  ms: number;
  /** The error of an ERROR outcome. */
  error?: string;
  /** What the test printed with `print`. */
  output: string[];
}

/**
 * Formats outcomes like `opa test`'s pretty reporter: every test with
 * `verbose`, else only the ones that did not pass, grouped under their
 * file, then a rule and the `PASS: n/m` / `FAIL` / `SKIPPED` / `ERROR`
 * tallies.
 */
export function formatTestReport(
  outcomes: readonly TestOutcome[],
  verbose: boolean,
): string {
  const lines: string[] = [];
  let lastFile: string | undefined;
  for (const o of outcomes) {
    if (o.status === "PASS" && !verbose) continue;
    if (o.file !== lastFile) {
      if (lastFile !== undefined) lines.push("");
      lines.push(`${o.file}:`);
      lastFile = o.file;
    }
    lines.push(`${o.name}: ${o.status} (${duration(o.ms)})`);
    if (o.error !== undefined) lines.push(`  ${o.error}`);
    if (o.output.length > 0) lines.push("", ...indent(o.output), "");
  }
  if (lines.length > 0) lines.push("-".repeat(80));
  lines.push(...tallies(outcomes));
  return lines.join("\n");
}

function tallies(outcomes: readonly TestOutcome[]): string[] {
  const total = outcomes.length;
  if (total === 0) return ["no test cases found"];
  const out: string[] = [];
  for (const status of ["PASS", "FAIL", "SKIPPED", "ERROR"] as const) {
    const n = outcomes.filter((o) => o.status === status).length;
    if (n > 0) out.push(`${status}: ${n}/${total}`);
  }
  return out;
}

function duration(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)}µs` : `${ms.toFixed(1)}ms`;
}

function indent(lines: readonly string[]): string[] {
  return lines.flatMap((l) => l.split("\n")).map((l) => `  ${l}`);
}
