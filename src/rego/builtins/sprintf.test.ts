import { describe, expect, it } from "vitest";
import { RObject, RSet, type Value } from "../value.js";
import { goFloat, sprintf } from "./sprintf.js";

describe("sprintf (Go fmt semantics)", () => {
  const cases: [string, Value[], string][] = [
    ["%v", ["s"], "s"],
    ["%v", [1.5], "1.5"],
    ["%v", [[1, "a"]], '[1, "a"]'],
    ["%v", [RSet.from(["b", "a"])], '{"a", "b"}'],
    ["%v", [new RObject().set("k", 1)], '{"k": 1}'],
    ["%d", [42], "42"],
    ["%5d|%-5d|%05d", [1, 2, 3], "    1|2    |00003"],
    ["%.2f", [3.14159], "3.14"],
    ["%x %X %o %b", [255, 255, 8, 5], "ff FF 10 101"],
    ["%q", ['a"b'], '"a\\"b"'],
    ["%s %s", ["a"], "a %!s(MISSING)"],
    ["%d", ["x"], "%!d(string=x)"],
    ["100%%", [], "100%"],
    ["%v", [18446744073709551616n], "18446744073709551616"],
  ];
  for (const [f, args, want] of cases) {
    it(`${f} with ${JSON.stringify(args, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))}`, () => {
      expect(sprintf(f, args)).toBe(want);
    });
  }

  const floats: [number, string][] = [
    [1e21, "1e+21"],
    [1e-7, "1e-07"],
    [123456.5, "123456.5"],
    [0.000123, "0.000123"],
  ];
  for (const [f, want] of floats)
    it(`formats ${f} as ${want}`, () => expect(goFloat(f)).toBe(want));
});
