import { describe, expect, it } from "vitest";
import { dataDocument } from "./dataDocument.js";

describe("dataDocument", () => {
  it("merges files under their directory prefix", () => {
    const { data, problems } = dataDocument([
      {
        path: "policy/data.yaml",
        prefix: [],
        value: { registries: ["ghcr.io"] },
      },
      {
        path: "policy/teams/a.json",
        prefix: ["teams"],
        value: { a: { owner: "x" } },
      },
      {
        path: "policy/teams/b.json",
        prefix: ["teams"],
        value: { b: { owner: "y" } },
      },
    ]);
    expect(problems).toEqual([]);
    expect(data).toEqual({
      registries: ["ghcr.io"],
      teams: { a: { owner: "x" }, b: { owner: "y" } },
    });
  });

  it("reports a conflict on the second file and keeps the first value", () => {
    const { data, problems } = dataDocument([
      { path: "policy/a.json", prefix: [], value: { limit: 1 } },
      { path: "policy/b.json", prefix: [], value: { limit: 2 } },
    ]);
    expect(data).toEqual({ limit: 1 });
    expect(problems).toEqual([
      expect.objectContaining({
        ruleId: "policy/data-merge-failed",
        severity: "error",
        location: { path: "policy/b.json", line: 1 },
        message: expect.stringContaining("data.limit"),
      }),
    ]);
  });

  it("refuses a non-object at the root", () => {
    const { problems } = dataDocument([
      { path: "policy/list.json", prefix: [], value: [1, 2] },
    ]);
    expect(problems[0]?.message).toContain("data.(root)");
  });

  it("keeps __proto__ keys as data", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    const { data } = dataDocument([{ path: "p/x.json", prefix: [], value }]);
    expect(Object.hasOwn(data, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
