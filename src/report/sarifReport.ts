import type { Finding, Location, Severity } from "../findings/finding.js";
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

/**
 * A location without a line is about the whole file (a secret only in an
 * older commit, a file deleted at head): SARIF then has no region, rather
 * than line 1 of a file that may not hold the finding or not exist.
 */
function physicalLocation(loc: Location) {
  const artifactLocation = { uri: loc.path, uriBaseId: "%SRCROOT%" };
  if (loc.line === undefined) return { artifactLocation };
  const region: Record<string, number> = { startLine: loc.line };
  if (loc.endLine) region["endLine"] = loc.endLine;
  return { artifactLocation, region };
}

function messageText(f: Finding): string {
  const why = f.location.approximate;
  return why ? `${f.message} (approximate line: ${why})` : f.message;
}

function result(f: Finding, ruleIds: readonly string[]) {
  const r: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex: ruleIds.indexOf(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: messageText(f) },
  };
  if (f.location.path !== ".") {
    r["locations"] = [{ physicalLocation: physicalLocation(f.location) }];
  }
  if (f.fingerprint) r["partialFingerprints"] = { gitopsGate: f.fingerprint };
  return r;
}
