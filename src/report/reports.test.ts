import { describe, expect, it } from "vitest";
import type { Finding } from "../findings/finding.js";
import { finding, verdictOf } from "../../test/helpers/verdictFixture.js";
import { jsonReport } from "./jsonReport.js";
import { markdownReport } from "./markdownReport.js";
import { sarifReport } from "./sarifReport.js";
import { textReport } from "./textReport.js";

const failing = verdictOf([
  finding(),
  finding({
    check: "policy",
    ruleId: "GG-IMG-001",
    severity: "warning",
    message: "image uses :latest | pin it",
    location: { path: "apps/web/base/deploy.yaml", line: 20 },
  }),
]);
const clean = verdictOf([]);

describe("textReport", () => {
  it.each([
    {
      name: "one line per finding, sorted by path",
      verdict: failing,
      lines: [
        "apps/web/base/deploy.yaml:20: warning [GG-IMG-001] image uses " +
          ":latest | pin it",
        "apps/web/overlays/prod/patch.yaml:12: error " +
          "[schema/unknown-field] unknown field " +
          "spec.template.spec.containers[0].imagePullPolcy",
      ],
      tail: "FAILURE: 1 blocking finding — 1 error, 1 warning, 0 notices",
    },
    {
      name: "a clean run",
      verdict: clean,
      lines: [],
      tail: "SUCCESS: no blocking findings — 0 errors, 0 warnings, 0 notices in 1 target",
    },
  ])("$name", ({ verdict, lines, tail }) => {
    const out = textReport(verdict, { color: false }).split("\n");
    expect(out.slice(0, lines.length)).toEqual(lines);
    expect(out.at(-2)).toContain(tail);
    expect(out.join("\n")).not.toContain("\u001b[");
  });

  it("lists targets as ok or failed, and says when none rendered", () => {
    const v = verdictOf([]);
    v.summary.targets.push(
      {
        id: "argocd:a.yaml#other",
        kind: "argocd",
        path: "a.yaml",
        ok: true,
        resources: 0,
      },
      {
        id: "flux:b.yaml#x",
        kind: "flux",
        path: "b.yaml",
        ok: false,
        resources: 1,
      },
    );
    const out = textReport(v, { color: false });
    expect(out).toContain(
      "  ok     kustomize:apps/web/overlays/prod (3 resources)",
    );
    expect(out).toContain(
      "  ok     argocd:a.yaml#other (no resources rendered)",
    );
    expect(out).toContain("  FAILED flux:b.yaml#x (1 resource)");
    const md = markdownReport(v);
    expect(md).toContain("<summary>3 targets</summary>");
    expect(md).toContain("- ⚠️ failed: `flux:b.yaml#x`: 1 resource");
  });

  it("colours severities only when asked", () => {
    expect(textReport(failing, { color: true })).toContain("\u001b[31merror");
  });
});

describe("jsonReport", () => {
  it("prints findings and summary with the Finding shape", () => {
    const parsed = JSON.parse(jsonReport(failing)) as {
      findings: unknown[];
      summary: { conclusion: string; blocking: number };
    };
    expect(parsed.summary).toMatchObject({
      conclusion: "failure",
      blocking: 1,
    });
    expect(parsed.findings[1]).toEqual({
      check: "schema",
      ruleId: "schema/unknown-field",
      severity: "error",
      message: expect.any(String),
      location: { path: "apps/web/overlays/prod/patch.yaml", line: 12 },
      resource: { apiVersion: "apps/v1", kind: "Deployment", name: "web" },
    });
  });
});

describe("markdownReport", () => {
  it("has the conclusion, the counts and an escaped findings table", () => {
    const md = markdownReport(failing);
    expect(md).toContain("### ❌ GitOps Gate: failure");
    expect(md).toContain("| schema | 1 | 0 | 0 |");
    expect(md).toContain("image uses :latest \\| pin it");
    expect(md).toContain("`apps/web/base/deploy.yaml:20`");
  });

  it("cannot be used to inject markup or mentions", () => {
    const md = markdownReport(
      verdictOf([finding({ message: "<img src=x> @org/team **bold**" })]),
    );
    expect(md).toContain("&lt;img src=x&gt; @\u200borg/team \\*\\*bold\\*\\*");
  });

  it("says how many findings it did not list", () => {
    const many = verdictOf(
      Array.from({ length: 5 }, (_, i) => finding({ message: `m${i}` })),
    );
    expect(markdownReport(many, { maxFindings: 2 })).toContain(
      "_3 more findings not listed here._",
    );
  });
});

describe("sarifReport", () => {
  it("is SARIF 2.1.0 with rules, levels and regions", () => {
    const sarif = JSON.parse(sarifReport(failing, { version: "1.2.3" }));
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    expect(run.tool.driver).toMatchObject({
      name: "GitOps Gate",
      version: "1.2.3",
    });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      "GG-IMG-001",
      "schema/unknown-field",
    ]);
    expect(run.results.map((r: { level: string }) => r.level)).toEqual([
      "warning",
      "error",
    ]);
    expect(run.results[1].ruleIndex).toBe(1);
    expect(run.results[1].locations[0].physicalLocation).toEqual({
      artifactLocation: {
        uri: "apps/web/overlays/prod/patch.yaml",
        uriBaseId: "%SRCROOT%",
      },
      region: { startLine: 12 },
    });
  });
});

describe("sarifReport locations", () => {
  const locate = (location: Finding["location"]) => {
    const sarif = JSON.parse(
      sarifReport(verdictOf([finding({ location })]), { version: "1" }),
    );
    return sarif.runs[0].results[0];
  };

  it("gives a finding without a line no region (the whole file)", () => {
    const r = locate({ path: "apps/gone.yaml" });
    expect(r.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "apps/gone.yaml", uriBaseId: "%SRCROOT%" },
    });
  });

  it("says in the message when the line is approximate", () => {
    const r = locate({ path: "a.yaml", line: 3, approximate: "by key" });
    expect(r.locations[0].physicalLocation.region).toEqual({ startLine: 3 });
    expect(r.message.text).toMatch(/\(approximate line: by key\)$/);
  });
});
