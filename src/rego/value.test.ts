import { describe, expect, it } from "vitest";
import { compare, equal, hashOf, RObject, RSet, type Value } from "./value.js";
import { fromJS, toJS } from "./convert.js";

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

describe("lazily converted objects", () => {
  const js = {
    a: [1, -0, { b: "x", u: undefined }, null],
    c: { d: new Set([1, 2]), e: 2n ** 70n, f: 1.5 },
    g: true,
  };
  const eager = (): RObject =>
    new RObject()
      .set("a", [1, 0, new RObject().set("b", "x"), null])
      .set(
        "c",
        new RObject()
          .set("d", RSet.from([1, 2]))
          .set("e", 2n ** 70n)
          .set("f", 1.5),
      )
      .set("g", true);
  it("hash and compare as the eager value", () => {
    expect(hashOf(fromJS(js))).toBe(hashOf(eager()));
    expect(equal(fromJS(js), eager())).toBe(true);
    const lazy = fromJS(js) as RObject;
    expect(lazy.get("g")).toBe(true);
    expect(lazy.get("u")).toBe(undefined);
    expect(lazy.has("toString")).toBe(false);
    expect(lazy.size).toBe(3);
    expect(hashOf(lazy)).toBe(hashOf(eager()));
    expect(toJS(lazy)).toEqual(toJS(eager()));
  });
});
