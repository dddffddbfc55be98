import { describe, expect, it } from "vitest";
import { builtinRuleExplainer } from "../../../src/app/commands/explainRule.js";

describe("/gitops explain", () => {
  const explain = builtinRuleExplainer();

  it.each([
    ["GG-POD-001", "**GG-POD-001**"],
    [
      "schema/unknown-field",
      "**schema/unknown-field**: Field not in the schema",
    ],
    ["schema/unknown-kind", "set by `checks.schema.unknownKinds`"],
    ["images/unsigned", "**images/unsigned**: Image not signed"],
    ["images/unreachable", "`checks.images.unreachable: warn`"],
  ])("explains %s", async (id, text) => {
    const md = await explain(id);
    expect(md).toContain(text);
    expect(md).toContain("**Fix:**");
  });

  it("knows nothing of unknown ids", async () => {
    expect(await explain("GG-NOPE-999")).toBeUndefined();
  });
});
