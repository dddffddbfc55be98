import { describe, expect, it } from "vitest";
import { toAnnotations } from "../../../src/app/publish/toAnnotations.js";
import type { Finding } from "../../../src/findings/finding.js";

const base: Finding = {
  check: "schema",
  ruleId: "schema/x",
  severity: "warning",
  message: "m",
  location: { path: "a.yaml" },
};

describe("toAnnotations", () => {
  it.each([
    [
      { path: "a.yaml", line: 4 },
      { start_line: 4, end_line: 4 },
    ],
    [
      { path: "a.yaml", line: 4, endLine: 7 },
      { start_line: 4, end_line: 7 },
    ],
    [
      { path: "a.yaml", line: 4, endLine: 2 },
      { start_line: 4, end_line: 4 },
    ],
    [
      { path: "a.yaml", line: 4, column: 3 },
      { start_line: 4, end_line: 4, start_column: 3 },
    ],
    [
      { path: "a.yaml", line: 4, endLine: 5, column: 3 },
      { start_line: 4, end_line: 5 },
    ],
  ])("%j", (location, expected) => {
    const [a] = toAnnotations([{ ...base, location }]);
    expect(a).toEqual({
      path: "a.yaml",
      annotation_level: "warning",
      title: "schema/x (schema)",
      message: "m",
      ...expected,
    });
  });

  it.each<[Finding["location"], string]>([
    [{ path: "gone.yaml" }, "(About the whole file, not line 1"],
    [
      { path: "a.yaml", line: 3, approximate: "template" },
      "(Approximate line: template)",
    ],
  ])("says when line %j is not the finding's own line", (location, note) => {
    const [a] = toAnnotations([{ ...base, location }]);
    expect(a?.message.startsWith(`m\n${note}`)).toBe(true);
    expect(a?.start_line).toBe(location.line ?? 1);
  });

  it("maps severities and skips findings without a file", () => {
    const levels = toAnnotations([
      { ...base, severity: "error" },
      { ...base, severity: "notice" },
      { ...base, location: { path: "" } },
    ]).map((a) => a.annotation_level);
    expect(levels).toEqual(["failure", "notice"]);
  });

  it("names the resource and clips long titles", () => {
    const [a] = toAnnotations([
      {
        ...base,
        ruleId: "r".repeat(300),
        location: { path: "a.yaml", line: 2 },
        resource: {
          apiVersion: "v1",
          kind: "Secret",
          namespace: "ns",
          name: "db",
        },
      },
    ]);
    expect(a?.message).toBe("m\nSecret ns/db");
    expect(a?.title.length).toBe(255);
  });
});
