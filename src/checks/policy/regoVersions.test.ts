import { describe, expect, it } from "vitest";
import { compile } from "../../rego/index.js";
import { withRegoVersions } from "./regoVersions.js";

const cases: [string, string, "v0" | undefined][] = [
  ["v1", 'package a\ndeny contains "x" if true\n', undefined],
  ["v0 partial set", 'package a\ndeny[msg] { msg := "x" }\n', "v0"],
  [
    "v0 with future.keywords",
    'package a\nimport future.keywords.in\ndeny[m] { m := "x"; 1 in [1] }\n',
    "v0",
  ],
  ["valid in both: v1 meaning", "package a\np := 1\n", undefined],
  ["broken in both: v1 errors", "package a\np := \n", undefined],
  [
    "v1 module that does not compile alone",
    "package a\nimport data.lib.f\np if f(1)\n",
    undefined,
  ],
];

describe("withRegoVersions (auto)", () => {
  it.each(cases)("%s", (_, source, expected) => {
    const [m] = withRegoVersions(compile, [{ path: "a.rego", source }], "auto");
    expect(m?.regoVersion).toBe(expected);
  });

  it("leaves modules alone in v0 and v1 mode", () => {
    const m = { path: "a.rego", source: "package a\np[x] { x := 1 }\n" };
    expect(withRegoVersions(compile, [m], "v1")).toEqual([m]);
    expect(withRegoVersions(compile, [m], "v0")).toEqual([m]);
  });
});
