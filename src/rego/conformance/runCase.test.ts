import { describe, expect, it } from "vitest";
import { runCase, type Case } from "./runCase.js";

const base = {
  note: "t/x",
  modules: ["package t\np := 1"],
  query: "data.t.p = x",
};

describe("conformance judge", () => {
  const cases: { name: string; c: Case; pass: boolean }[] = [
    {
      name: "matching result",
      c: { ...base, want_result: [{ x: 1 }] },
      pass: true,
    },
    {
      name: "different result",
      c: { ...base, want_result: [{ x: 2 }] },
      pass: false,
    },
    { name: "undefined wanted", c: { ...base, want_result: [] }, pass: false },
    {
      name: "error wanted but none",
      c: { ...base, want_error_code: "eval_conflict_error" },
      pass: false,
    },
    {
      name: "conflict error wanted",
      c: {
        ...base,
        modules: ["package t\np := 1\np := 2"],
        want_error_code: "eval_conflict_error",
        want_error: "complete rules",
      },
      pass: true,
    },
    {
      name: "big integers compared exactly",
      c: {
        ...base,
        modules: ["package t\np := 9007199254740993"],
        want_result: [{ x: 9007199254740993n }],
      },
      pass: true,
    },
    {
      name: "big integer off by one",
      c: {
        ...base,
        modules: ["package t\np := 9007199254740993"],
        want_result: [{ x: 9007199254740992n }],
      },
      pass: false,
    },
  ];
  for (const t of cases) {
    it(t.name, () => expect(runCase(t.c) === undefined).toBe(t.pass));
  }
});
