import { describe, expect, it } from "vitest";
import { AppSetNotice } from "./appSetParams.js";
import { sanitizeName } from "./gitGenerator.js";
import { matchesSelector } from "./matchSelector.js";

const params = { env: "prod", cluster: { name: "c1" }, n: 3, list: ["a"] };

describe("matchesSelector", () => {
  const cases: { name: string; selector: unknown; want: boolean }[] = [
    { name: "no selector", selector: undefined, want: true },
    { name: "empty selector", selector: {}, want: true },
    {
      name: "matchLabels hit",
      selector: { matchLabels: { env: "prod" } },
      want: true,
    },
    {
      name: "matchLabels miss",
      selector: { matchLabels: { env: "dev" } },
      want: false,
    },
    {
      name: "nested key",
      selector: { matchLabels: { "cluster.name": "c1" } },
      want: true,
    },
    {
      name: "number as string",
      selector: { matchLabels: { n: 3 } },
      want: true,
    },
    {
      name: "array element",
      selector: { matchLabels: { "list.0": "a" } },
      want: true,
    },
    {
      name: "missing key",
      selector: { matchLabels: { nope: "" } },
      want: false,
    },
    {
      name: "In",
      selector: {
        matchExpressions: [
          { key: "env", operator: "In", values: ["dev", "prod"] },
        ],
      },
      want: true,
    },
    {
      name: "NotIn on a missing key",
      selector: {
        matchExpressions: [{ key: "zone", operator: "NotIn", values: ["x"] }],
      },
      want: true,
    },
    {
      name: "NotIn hit",
      selector: {
        matchExpressions: [{ key: "env", operator: "NotIn", values: ["prod"] }],
      },
      want: false,
    },
    {
      name: "Exists and DoesNotExist",
      selector: {
        matchExpressions: [
          { key: "env", operator: "Exists" },
          { key: "zone", operator: "DoesNotExist" },
        ],
      },
      want: true,
    },
    {
      name: "labels and expressions must both hold",
      selector: {
        matchLabels: { env: "prod" },
        matchExpressions: [{ key: "env", operator: "DoesNotExist" }],
      },
      want: false,
    },
    {
      name: "__proto__ is not a label",
      selector: {
        matchExpressions: [{ key: "__proto__", operator: "Exists" }],
      },
      want: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(matchesSelector(c.selector, params)).toBe(c.want);
    });
  }

  it("refuses an operator label selectors do not have", () => {
    const selector = {
      matchExpressions: [{ key: "n", operator: "Gt", values: ["1"] }],
    };
    expect(() => matchesSelector(selector, params)).toThrow(AppSetNotice);
  });
});

describe("sanitizeName", () => {
  const cases: [string, string][] = [
    ["My_App", "my-app"],
    ["--x.y--", "x.y"],
    ["ÄÖ", ""],
    ["a".repeat(300), "a".repeat(253)],
  ];
  for (const [input, want] of cases) {
    it(`sanitizes ${JSON.stringify(input.slice(0, 12))}`, () => {
      expect(sanitizeName(input)).toBe(want);
    });
  }
});
