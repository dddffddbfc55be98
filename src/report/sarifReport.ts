import type { Finding, Severity } from "../findings/finding.js";
import type { Verdict } from "../gate/Verdict.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  error: "error",
  warning: "warning",
  notice: "note",
};

/** Options of {@link sarifReport}. */
export interface SarifOptions {
  version: string;
}

/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it (one
 * run, rules listed in the driver, locations relative to `%SRCROOT%`).
 */
export function sarifReport(verdict: Verdict, opts: SarifOptions): string {
  const ruleIds = [...new Set(verdict.findings.map((f) => f.ruleId))].sort();
  const rules = ruleIds.map((id) => rule(id, verdict.findings));
  const results = verdict.findings.map((f) => result(f, ruleIds));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "GitOps Gate",
            version: opts.version,
            rules,
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function rule(id: string, findings: readonly Finding[]) {
  const first = findings.find((f) => f.ruleId === id) as Finding;
  const r: Record<string, unknown> = {
    id,
    name: id.replace(/[^A-Za-z0-9]+/g, "-"),
    shortDescription: { text: `${first.check}: ${id}` },
    properties: { tags: [first.check] },
  };
  if (first.docsUrl) r["helpUri"] = first.docsUrl;
  return r;
}

function result(f: Finding, ruleIds: readonly string[]) {
  const r: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex: ruleIds.indexOf(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message },
  };
  if (f.location.path !== ".") {
    const region: Record<string, number> = { startLine: f.location.line ?? 1 };
    if (f.location.endLine) region["endLine"] = f.location.endLine;
    r["locations"] = [
      {
        physicalLocation: {
          artifactLocation: { uri: f.location.path, uriBaseId: "%SRCROOT%" },
          region,
        },
      },
    ];
  }
  if (f.fingerprint) r["partialFingerprints"] = { gitopsGate: f.fingerprint };
  return r;
}
