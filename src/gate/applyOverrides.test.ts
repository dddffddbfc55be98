import { describe, expect, it } from "vitest";
import { finding } from "../../test/helpers/verdictFixture.js";
import { configSchema } from "../config/schema.js";
import { applyOverrides } from "./applyOverrides.js";

const overrides = (list: unknown[]) =>
  configSchema.parse({ overrides: list }).overrides;

describe("applyOverrides", () => {
  const prod = finding({
    environment: "prod",
    ruleId: "GG-IMG-002",
    check: "policy",
  });
  const dev = finding({
    environment: "dev",
    ruleId: "GG-IMG-002",
    check: "policy",
  });
  const schema = finding({ environment: "dev" });

  it.each([
    {
      name: "rule glob changes severity everywhere",
      list: [{ rule: "GG-IMG-*", severity: "warning" }],
      expected: ["warning", "warning", "error"],
    },
    {
      name: "per environment: only dev is softened",
      list: [{ rule: "GG-IMG-002", environments: ["dev"], severity: "notice" }],
      expected: ["error", "notice", "error"],
    },
    {
      name: "a whole check, later entries win",
      list: [
        { check: "schema", severity: "notice" },
        { check: "schema", severity: "warning" },
      ],
      expected: ["error", "error", "warning"],
    },
    {
      name: "disabled drops the finding",
      list: [{ check: "policy", enabled: false, reason: "not yet" }],
      expected: ["error"],
    },
  ])("$name", ({ list, expected }) => {
    const out = applyOverrides([prod, dev, schema], overrides(list));
    expect(out.map((f) => f.severity)).toEqual(expected);
  });

  it("never drops the gate's own failures (fail closed)", () => {
    const failed = finding({ check: "images", ruleId: "images/check-failed" });
    const out = applyOverrides(
      [failed],
      overrides([{ check: "images", enabled: false }]),
    );
    expect(out).toEqual([failed]);
  });

  it("rejects an override that matches nothing specific", () => {
    expect(() => overrides([{ severity: "notice" }])).toThrow(
      /needs `check` or `rule`/,
    );
  });
});
