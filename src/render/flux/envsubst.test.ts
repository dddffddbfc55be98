import { describe, expect, it } from "vitest";
import { envsubst } from "./envsubst.js";

describe("envsubst as Flux's postBuild runs it", () => {
  const vars = {
    A: "x",
    EMPTY: "",
    ENV: "prod",
    IMG: "app:v1.2.3",
    REF: "a.b.c",
  };
  const cases: [string, string, string[]][] = [
    ["v: ${A}", "v: x", []],
    ["v: ${B:=d}", "v: d", []],
    ["v: ${B:-d}", "v: d", []],
    ["v: ${EMPTY:=d}", "v: d", []],
    // Flux's fork treats `=` like `:=`: an empty value takes the default.
    ["v: ${EMPTY=d}", "v: d", []],
    ["v: ${A=d}", "v: x", []],
    ["v: ${B}", "v: ", ["B"]],
    ["v: $${A}", "v: ${A}", []],
    ["v: $$A and $A", "v: $A and $A", []],
    ["v: ${B:=${ENV}-eu}", "v: prod-eu", []],
    ["v: ${B:=${C:=deep}}", "v: deep", []],
    ["v: ${B:=a b c}", "v: a b c", []],
    ["v: ${ENV^^}-${ENV^}", "v: PROD-Prod", []],
    ["v: ${#ENV}", "v: 4", []],
    ["v: ${ENV:1}/${ENV:0:2}/${ENV:1:-1}", "v: rod/pr/ro", []],
    ["v: ${IMG/v1/v2}", "v: app:v2.2.3", []],
    ["v: ${IMG//./-}", "v: app:v1-2-3", []],
    ["v: ${IMG#*:}", "v: v1.2.3", []],
    ["v: ${IMG%:*}", "v: app", []],
    ["v: ${REF##*.}/${REF#*.}/${REF%%.*}", "v: c/b.c/a", []],
    ["v: ${B:+set}", "v: set", []],
    ["v: ${B^^}", "v: ", ["B"]],
  ];
  for (const [input, text, missing] of cases) {
    it(`substitutes ${JSON.stringify(input)}`, () => {
      expect(envsubst(input, vars)).toEqual({ text, missing });
    });
  }

  const errors: [string, string][] = [
    ["v: ${ not a var }", "unable to parse variable name"],
    ["v: ${A", "missing closing brace"],
    ["v: ${A:=x", "bad substitution"],
    ["v: ${A-d}", "missing closing brace"],
    ["v: ${}", "unable to parse variable name"],
  ];
  for (const [input, message] of errors) {
    it(`fails like Flux on ${JSON.stringify(input)}`, () => {
      expect(() => envsubst(input, vars)).toThrow(message);
    });
  }

  it("keeps references to unknown variables when asked", () => {
    expect(
      envsubst("${A} ${B} ${C:=d} $${A}", vars, { keepUnknown: true }),
    ).toEqual({ text: "x ${B} d ${A}", missing: [] });
  });
});
