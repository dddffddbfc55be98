import { describe, expect, it } from "vitest";
import { compile } from "../index.js";

const parse = (src: string): unknown =>
  compile([]).eval('x := rego.parse_module("m.rego", input)', {
    strictBuiltinErrors: true,
    input: src,
  })[0]?.bindings.x;

type Json = Record<string, unknown>;
const v = (type: string, value: unknown): Json => ({ type, value });

describe("rego.parse_module", () => {
  it("gives the package path under data", () => {
    const got = parse("package foo.bar\n") as Json;
    expect(got.package).toEqual({
      path: [v("var", "data"), v("string", "foo"), v("string", "bar")],
    });
    expect(got.rules).toBeUndefined();
  });

  const cases: { name: string; src: string; want: Json }[] = [
    {
      name: "an infix call as operator + operands",
      src: "p if { a = 1 }",
      want: {
        index: 0,
        terms: [v("ref", [v("var", "eq")]), v("var", "a"), v("number", 1)],
      },
    },
    {
      name: "negation",
      src: "p if { not q }",
      want: { index: 0, negated: true, terms: v("var", "q") },
    },
    {
      name: "with modifiers",
      src: "p if { q with input as 2 }",
      want: {
        index: 0,
        terms: v("var", "q"),
        with: [{ target: v("var", "input"), value: v("number", 2) }],
      },
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const got = parse(`package t\n${c.src}`) as { rules: Json[] };
      expect((got.rules[0]!.body as Json[])[0]).toEqual(c.want);
    });

  it("describes heads of functions, defaults and partial sets", () => {
    const src = "package t\nf(x) := x\ndefault d := 0\ns contains 1";
    const heads = (parse(src) as { rules: Json[] }).rules.map((r) => r.head);
    expect(heads).toEqual([
      {
        name: "f",
        ref: [v("var", "f")],
        args: [v("var", "x")],
        value: v("var", "x"),
        assign: true,
      },
      {
        name: "d",
        ref: [v("var", "d")],
        value: v("number", 0),
        assign: true,
      },
      { name: "s", ref: [v("var", "s")], key: v("number", 1) },
    ]);
  });

  it("reports syntax errors as builtin errors", () => {
    expect(() => parse("package foo.")).toThrow(
      /rego_parse_error: unexpected eof token: expected ident/,
    );
  });
});
