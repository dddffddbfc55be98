import { describe, expect, it } from "vitest";
import { compare, equal, mapKey, RObject, RSet, type Value } from "./value.js";

describe("value order and equality", () => {
  const ordered: Value[] = [
    null,
    false,
    true,
    -1,
    1.5,
    2n ** 64n,
    "a",
    "b",
    [1],
    [1, 2],
    new RObject().set("a", 1),
    RSet.from([1]),
  ];
  it("orders null < bool < number < string < array < object < set", () => {
    const shuffled = [...ordered].reverse().sort(compare);
    expect(shuffled).toEqual(ordered);
  });

  const eqCases: [Value, Value, boolean][] = [
    [1, 1.0, true],
    [2n ** 64n, 2n ** 64n, true],
    [1e20, 100000000000000000000n, true],
    [1, "1", false],
    [RSet.from([1, 2]), RSet.from([2, 1]), true],
    [new RObject().set("a", [1]), new RObject().set("a", [1]), true],
    [new RObject().set(1, "x"), new RObject().set("1", "x"), false],
  ];
  for (const [a, b, want] of eqCases) {
    it(`equal(${String(a)}, ${String(b)}) is ${want}`, () => {
      expect(equal(a, b)).toBe(want);
      expect(mapKey(a) === mapKey(b)).toBe(want);
    });
  }

  it("keeps a string starting with NUL distinct from composite keys", () => {
    expect(mapKey("\u0000c[1]")).not.toBe(mapKey([1]));
  });
});
