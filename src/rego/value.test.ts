import { describe, expect, it } from "vitest";
import { compare, equal, hashOf, RObject, RSet, type Value } from "./value.js";

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
      expect(RSet.from([a]).has(b)).toBe(want);
      expect(new RObject().set(a, 1).has(b)).toBe(want);
      if (want) expect(hashOf(a)).toBe(hashOf(b));
    });
  }

  it("keeps a string starting with NUL distinct from composite keys", () => {
    expect(RSet.from(["\u0000c[1]"]).has([1])).toBe(false);
  });

  it("finds composite elements by value, and deletes them", () => {
    const s = RSet.from([[1, 2], new RObject().set("a", RSet.from([1]))]);
    expect(s.has([1, 2])).toBe(true);
    expect(s.has(new RObject().set("a", RSet.from([1])))).toBe(true);
    expect(s.has([2, 1])).toBe(false);
    s.delete([1, 2]);
    expect(s.has([1, 2])).toBe(false);
    expect(s.size).toBe(1);
    const o = new RObject().set([1n], "x");
    expect(o.get([1])).toBe("x");
    expect(o.clone().get([1])).toBe("x");
  });
});
