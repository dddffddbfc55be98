import { describe, expect, it } from "vitest";
import type { Severity } from "../../findings/finding.js";
import { ruleSeverity, type RuleOverrides } from "./ruleSeverity.js";

const rule = {
  id: "GG-IMG-002",
  severity: "warning" as const,
  environments: { prod: "error" as const },
};

const cases: [
  string,
  RuleOverrides,
  string | undefined,
  Severity | undefined,
][] = [
  ["pack default", {}, undefined, "warning"],
  ["pack environment default", {}, "prod", "error"],
  ["unknown environment", {}, "dev", "warning"],
  ["disabled", { "GG-IMG-002": { enabled: false } }, "prod", undefined],
  [
    "config severity beats pack environment",
    { "GG-IMG-002": { severity: "notice" } },
    "prod",
    "notice",
  ],
  [
    "config environment beats config severity",
    { "GG-IMG-002": { severity: "notice", environments: { prod: "warning" } } },
    "prod",
    "warning",
  ],
  [
    "other rule's override",
    { "GG-IMG-001": { enabled: false } },
    undefined,
    "warning",
  ],
  ["prototype names are not environments", {}, "constructor", "warning"],
  [
    "enabled true keeps defaults",
    { "GG-IMG-002": { enabled: true } },
    "prod",
    "error",
  ],
];

describe("ruleSeverity", () => {
  it.each(cases)("%s", (_name, overrides, env, expected) => {
    expect(ruleSeverity(rule, overrides, env)).toBe(expected);
  });
});
