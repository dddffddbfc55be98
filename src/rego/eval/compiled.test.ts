import { describe, expect, it } from "vitest";
import { compile } from "../index.js";

// Terms and bodies the evaluator compiles into closures and plans behave
// as the interpreted forms did.
const src = `package a
import rego.v1
f(x, x) := 1
f(x, y) := 2 if x != y
g(x) := x
pairs contains [v, g(v)] if some v in input.xs
same := f(1, 1)
differ := f(1, 2)
null_bound := x if {
  x := null
  x == null
}
falsy := [y | some y in [null, false, 0]; g(y) == y]
null_key := input.o.k
proto := object.get(input, "constructor", "none")
leaf := data.lib.name
nested := data.lib.obj.k`;

const lib = `package lib
import rego.v1
name := "n"`;

const p = compile([
  { path: "a.rego", source: src },
  { path: "lib.rego", source: lib },
]);
const x = (q: string, opts: { input?: unknown; data?: unknown } = {}) =>
  p.eval(q, opts)[0]?.bindings.x;

describe("compiled evaluation", () => {
  it("keeps null and false values bound", () => {
    expect(
      x("x := data.a", { input: { xs: [null, 1], o: { k: null } } }),
    ).toEqual({
      pairs: [
        [null, null],
        [1, 1],
      ],
      same: 1,
      differ: 2,
      null_bound: null,
      falsy: [null, false, 0],
      null_key: null,
      proto: "none",
      leaf: "n",
    });
  });

  it("reads static data refs through base data and with overrides", () => {
    const data = { lib: { obj: { k: 3 } } };
    expect(x("x := data.a.nested", { data })).toBe(3);
    expect(x("x := data.a.leaf", { data })).toBe("n");
    expect(x('x := data.a.leaf with data.lib.name as "o"', { data })).toBe("o");
    expect(
      x('x := data.a.nested with data.lib.obj as {"k": 4}', { data }),
    ).toBe(4);
  });
});
