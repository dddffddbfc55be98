import { describe, expect, it } from "vitest";
import { expandMergeKeys } from "./mergeKeys.js";

describe("expandMergeKeys", () => {
  it.each<[string, unknown, unknown]>([
    ["own keys win", { "<<": { a: 1, b: 2 }, b: 3 }, { a: 1, b: 3 }],
    [
      "earlier merged maps win over later ones",
      { "<<": [{ a: 1 }, { a: 2, c: 3 }] },
      { a: 1, c: 3 },
    ],
    [
      "nested, in lists, and inside merged maps",
      { l: [{ "<<": { x: { "<<": { y: 1 } } }, z: 2 }] },
      { l: [{ x: { y: 1 }, z: 2 }] },
    ],
    ["a scalar under << is left for the schema", { "<<": 1 }, { "<<": 1 }],
  ])("%s", (_name, input, want) => {
    expect(expandMergeKeys(input)).toEqual(want);
  });

  it("returns objects without merge keys as they are", () => {
    const clean = { a: { b: [1, { c: 2 }] } };
    expect(expandMergeKeys(clean)).toBe(clean);
  });
});
