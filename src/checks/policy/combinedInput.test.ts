import { describe, expect, it } from "vitest";
import { target } from "./test/scenario.js";
import { combinedInput } from "./combinedInput.js";

describe("combinedInput (conftest --combine)", () => {
  it("gives one entry per document, sorted stably by path", () => {
    const cm = (n: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\n`;
    const t = target("a", {
      "a/two.yaml": `${cm("x")}---\n${cm("z")}`,
      "a/one.yaml": cm("one"),
    });
    const got = combinedInput(t.resources).map((f) => [
      f.path,
      (f.contents as { metadata: { name: string } }).metadata.name,
    ]);
    expect(got).toEqual([
      ["a/one.yaml", "one"],
      ["a/two.yaml", "x"],
      ["a/two.yaml", "z"],
    ]);
  });
});
