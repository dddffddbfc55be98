import { describe, expect, it } from "vitest";
import { compile } from "../index.js";
import { parseModule } from "./parseModule.js";

const one = (query: string): unknown => compile([]).eval(query)[0]?.bindings.x;

describe("parser", () => {
  const exprCases: { q: string; want: unknown }[] = [
    { q: "x := 1 + 2 * 3", want: 7 },
    { q: "x := (1 + 2) * 3", want: 9 },
    { q: "x := 7 % 4 - 1", want: 2 },
    { q: "x := {1, 2} | {3}", want: [1, 2, 3] },
    { q: "x := {1, 2} & {2, 3}", want: [2] },
    { q: "x := 1 in [1, 2]", want: true },
    { q: 'x := ("a", 2 in {"a": 2})', want: true },
    { q: "count([1, 2, 3], x)", want: 3 },
    { q: "x := [y | some y in [3, 1]; y > 1]", want: [3] },
    { q: 'x := {k: v | some k, v in {"a": 1}}', want: { a: 1 } },
    { q: "x := `raw\\n`", want: "raw\\n" },
    { q: 'x := $"n={1 + 1} s={"q"}"', want: "n=2 s=q" },
    { q: "x := -3", want: -3 },
    { q: "x := 12345678901234567890", want: 12345678901234567890n },
    { q: "x := set()", want: [] },
  ];
  for (const c of exprCases) {
    it(`evaluates ${c.q}`, () => expect(one(c.q)).toEqual(c.want));
  }

  it("accepts keywords as ref segments and rule names after a dot", () => {
    const src = `package t
import rego.v1
p if { default.foo == 1; foo.default == 2 }
default.foo := 1
foo.default := 2`;
    const p = compile([{ path: "k.rego", source: src }]);
    expect(p.eval("x := data.t.p")[0]?.bindings.x).toBe(true);
  });

  it("continues a literal with `with` on the next line", () => {
    const src = `package t
import rego.v1
p := x if {
  x := input.a
    with input.a as 42
}`;
    expect(
      compile([{ path: "w.rego", source: src }]).eval("x := data.t.p")[0]
        ?.bindings.x,
    ).toBe(42);
  });

  const errorCases: { src: string; want: RegExp }[] = [
    { src: "package t\np := [1,", want: /t\.rego:2: rego_parse_error/ },
    { src: "p := 1", want: /package expected/ },
    { src: 'package t\np := "abc', want: /non-terminated string/ },
    { src: "package t\nimport foo.bar", want: /unexpected import path/ },
    { src: "package t\np := 1 +", want: /rego_parse_error/ },
  ];
  for (const c of errorCases) {
    it(`rejects ${JSON.stringify(c.src)}`, () => {
      expect(() => parseModule(c.src, "t.rego", true)).toThrow(c.want);
    });
  }

  it("attaches METADATA to the following rule", () => {
    const m = parseModule(
      "package t\n# METADATA\n# title: T\np := 1\n",
      "t.rego",
      true,
    );
    expect(m.rules[0]?.annotations?.[0]?.data.title).toBe("T");
  });
});
