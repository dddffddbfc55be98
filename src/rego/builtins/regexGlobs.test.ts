import { describe, expect, it } from "vitest";
import { compile } from "../index.js";

const run = (q: string): unknown =>
  compile([]).eval(q, { strictBuiltinErrors: true })[0]?.bindings.x;

describe("regex.globs_match", () => {
  const cases: { a: string; b: string; want: boolean }[] = [
    { a: "a.a.", b: ".b.b", want: true },
    { a: "[a-z]+", b: "[0-9]*", want: false },
    { a: "a*", b: "b*", want: false },
    { a: "a*", b: "a", want: true },
    { a: "", b: "", want: false },
    { a: "ab+c", b: "a.*c", want: true },
    { a: "ab+c", b: "ac", want: false },
    { a: "\\\\.", b: "[.]", want: true },
    { a: "\\\\.", b: "x", want: false },
    { a: "[abc]x", b: "[c-e]x", want: true },
    { a: "[ab]x", b: "[c-e]x", want: false },
    { a: ".*z", b: "q.*", want: true },
  ];
  for (const c of cases)
    it(`${c.a} ∩ ${c.b}`, () =>
      expect(run(`x := regex.globs_match("${c.a}", "${c.b}")`)).toBe(c.want));

  const bad: { p: string; msg: RegExp }[] = [
    { p: "pqrs]", msg: /input:pqrs\], pos:5, set-close/ },
    { p: "+a", msg: /flag '\+' must be preceded by a non-flag/ },
    { p: "a**", msg: /flag '\*' must be preceded/ },
    { p: "[ab", msg: /found \[ without matching \]/ },
    { p: "[-a]", msg: /must be preceded by a Unicode character/ },
    { p: "[z-a]", msg: /range is out of order/ },
    { p: "a\\\\", msg: /ends with a \\ \(escape\)/ },
  ];
  for (const c of bad)
    it(`rejects ${c.p}`, () =>
      expect(() => run(`x := regex.globs_match("${c.p}", "a")`)).toThrow(
        c.msg,
      ));
});
