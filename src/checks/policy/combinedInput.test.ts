import { describe, expect, it } from "vitest";
import { target } from "./test/scenario.js";
import { combinedInput } from "./combinedInput.js";

describe("combinedInput (conftest --combine)", () => {
  it("gives one entry per file, with an array for multi-document files", () => {
    const cm = (n: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\n`;
    const t = target("a", {
      "a/one.yaml": cm("one"),
      "a/two.yaml": `${cm("x")}---\n${cm("y")}`,
    });
    const names = (o: unknown) =>
      (o as { metadata: { name: string } }).metadata.name;
    const got = combinedInput(t.resources);
    expect(got.map((f) => f.path)).toEqual(["a/one.yaml", "a/two.yaml"]);
    expect(names(got[0]?.contents)).toBe("one");
    expect((got[1]?.contents as unknown[]).map(names)).toEqual(["x", "y"]);
  });
});
