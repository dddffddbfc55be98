import { describe, expect, it } from "vitest";
import { finding } from "../../test/helpers/verdictFixture.js";
import type { Config } from "../config/schema.js";
import type { Severity } from "../findings/finding.js";
import { findingKey, judge } from "./judge.js";

const gate = (over: Partial<Config["gate"]> = {}): Config["gate"] => ({
  failOn: "error",
  newFindingsOnly: false,
  drafts: "neutral",
  ...over,
});

describe("judge", () => {
  it.each<{
    failOn: Config["gate"]["failOn"];
    severities: Severity[];
    conclusion: string;
    blocking: number;
  }>([
    {
      failOn: "error",
      severities: ["warning", "notice"],
      conclusion: "success",
      blocking: 0,
    },
    {
      failOn: "error",
      severities: ["error", "warning"],
      conclusion: "failure",
      blocking: 1,
    },
    {
      failOn: "warning",
      severities: ["warning", "notice"],
      conclusion: "failure",
      blocking: 1,
    },
    {
      failOn: "never",
      severities: ["error"],
      conclusion: "success",
      blocking: 0,
    },
  ])(
    "failOn $failOn with $severities → $conclusion",
    ({ failOn, severities, conclusion, blocking }) => {
      const findings = severities.map((severity, i) =>
        finding({ severity, message: `m${i}` }),
      );
      const j = judge(findings, gate({ failOn }), 1);
      expect(j.conclusion).toBe(conclusion);
      expect(j.blocking).toBe(blocking);
    },
  );

  it("is neutral when the change touches no target", () => {
    expect(judge([], gate(), 0)).toMatchObject({
      conclusion: "neutral",
      reason: "the change touches no render target; nothing to check",
    });
  });

  it("counts by check and severity", () => {
    const j = judge(
      [finding(), finding({ check: "policy", severity: "notice" })],
      gate(),
      1,
    );
    expect(j.byCheck).toEqual({
      schema: { error: 1, warning: 0, notice: 0 },
      policy: { error: 0, warning: 0, notice: 1 },
    });
  });

  it("with newFindingsOnly, findings already in base do not block", () => {
    const old = finding({ message: "old" });
    const fresh = finding({ message: "new" });
    const j = judge(
      [old, fresh],
      gate({ newFindingsOnly: true }),
      1,
      new Set([findingKey(old)]),
    );
    expect(j.blocking).toBe(1);
    expect(j.findings.find((f) => f.message.startsWith("old"))?.severity).toBe(
      "notice",
    );
  });
});
