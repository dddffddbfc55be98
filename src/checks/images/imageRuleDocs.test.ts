import { describe, expect, it } from "vitest";
import { IMAGE_RULES } from "./imageFindings.js";
import { IMAGE_RULE_DOCS } from "./imageRuleDocs.js";

describe("IMAGE_RULE_DOCS", () => {
  it("documents every rule the images check reports", () => {
    const ids = [...Object.values(IMAGE_RULES), "images/key-changed-in-pr"];
    expect([...IMAGE_RULE_DOCS.keys()].sort()).toEqual(ids.sort());
  });
});
