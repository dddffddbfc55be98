import { describe, expect, it } from "vitest";
import { compile } from "../index.js";

const bad: { name: string; src: string; want: RegExp }[] = [
  {
    name: "recursion",
    src: "p if q\nq if p",
    want: /rego_recursion_error: rule data\.t\.p is recursive: data\.t\.p -> data\.t\.q -> data\.t\.p/,
  },
  {
    name: "unsafe head var",
    src: "p contains x if true",
    want: /rego_unsafe_var_error: var x is unsafe/,
  },
  {
    name: "unsafe var in negation",
    src: "p if not input.a[x]\nq if x := 1",
    want: /var x is unsafe/,
  },
  {
    name: "undefined function",
    src: "p if nope(1)",
    want: /rego_type_error: undefined function nope/,
  },
  {
    name: "complete vs partial set",
    src: "p := 1\np contains 2",
    want: /conflicting rules data\.t\.p found/,
  },
  {
    name: "two defaults",
    src: "default p := 1\ndefault p := 2",
    want: /multiple default rules data\.t\.p found/,
  },
  {
    name: "reassignment",
    src: "p if { x := 1; x := 2 }",
    want: /var x assigned above/,
  },
];

describe("compile-time checks", () => {
  for (const c of bad) {
    it(`reports ${c.name}`, () => {
      const source = `package t\nimport rego.v1\n${c.src}`;
      expect(() => compile([{ path: "t.rego", source }])).toThrow(c.want);
    });
  }

  it("reorders body expressions for safety like OPA", () => {
    const source =
      "package t\nimport rego.v1\np := y if { y > 1; y := input.n }";
    expect(
      compile([{ path: "t.rego", source }]).eval("x := data.t.p", {
        input: { n: 5 },
      })[0]?.bindings.x,
    ).toBe(5);
  });
});

describe("strict mode", () => {
  const src = `package t
import rego.v1
import data.lib.unused
p if { y := 1; z := 2; z > 0 }`;
  it("rejects unused assignments and imports only when strict", () => {
    const mods = [{ path: "s.rego", source: src }];
    expect(() => compile(mods)).not.toThrow();
    expect(() => compile(mods, { strict: true })).toThrow(
      /assigned var y unused[\s\S]*import data\.lib\.unused unused/,
    );
  });
});
