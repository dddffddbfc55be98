import { describe, expect, it } from "vitest";
import { envsubst } from "./envsubst.js";

describe("envsubst", () => {
  const vars = { A: "x", EMPTY: "" };
  const cases: [string, string, string[]][] = [
    ["v: ${A}", "v: x", []],
    ["v: ${B:=d}", "v: d", []],
    ["v: ${B:-d}", "v: d", []],
    ["v: ${EMPTY:=d}", "v: d", []],
    ["v: ${EMPTY=d}", "v: ", []],
    ["v: ${B}", "v: ", ["B"]],
    ["v: $${A}", "v: ${A}", []],
    ["v: $A and ${ not a var }", "v: $A and ${ not a var }", []],
  ];
  for (const [input, text, missing] of cases) {
    it(`substitutes ${JSON.stringify(input)}`, () => {
      expect(envsubst(input, vars)).toEqual({ text, missing });
    });
  }
});
