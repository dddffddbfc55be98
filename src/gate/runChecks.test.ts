import { describe, expect, it } from "vitest";
import type { Check, CheckInput } from "../checks/Check.js";
import { configSchema } from "../config/schema.js";
import { finding } from "../../test/helpers/verdictFixture.js";
import { runChecks } from "./runChecks.js";

const input = (config = configSchema.parse({})) =>
  ({
    config,
    targets: [],
    changes: { all: true, paths: [], commits: [] },
  }) as unknown as CheckInput;

describe("runChecks", () => {
  it("turns a throwing check into an error finding and runs the others", async () => {
    const boom: Check = {
      name: "images",
      run: () => Promise.reject(new Error("registry exploded")),
    };
    const ok: Check = { name: "schema", run: async () => [finding()] };
    const out = await runChecks([boom, ok], input());
    expect(out.map((f) => [f.check, f.ruleId, f.severity])).toEqual([
      ["images", "images/check-failed", "error"],
      ["schema", "schema/unknown-field", "error"],
    ]);
    expect(out[0]?.message).toContain("registry exploded");
  });

  it("skips checks disabled in config", async () => {
    const config = configSchema.parse({
      checks: { schema: { enabled: false } },
    });
    const ok: Check = { name: "schema", run: async () => [finding()] };
    expect(await runChecks([ok], input(config))).toEqual([]);
  });
});
