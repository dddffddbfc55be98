import { describe, expect, it } from "vitest";
import { toPolicyResult } from "./policyResult.js";

const cases: [string, unknown, unknown][] = [
  ["a string", "no latest", { msg: "no latest" }],
  [
    "msg and details",
    { msg: "m", details: { a: 1 } },
    { msg: "m", details: { a: 1 } },
  ],
  [
    "the pack's shape",
    { id: "GG-POD-001", msg: "m", field: ["spec", "containers", 0] },
    { id: "GG-POD-001", msg: "m", field: ["spec", "containers", 0] },
  ],
  ["ruleId alias", { ruleId: "R1", msg: "m" }, { id: "R1", msg: "m" }],
  [
    "dotted field with indexes",
    { msg: "m", field: "spec.containers.0.image" },
    { msg: "m", field: ["spec", "containers", 0, "image"] },
  ],
  ["bad field ignored", { msg: "m", field: ["a", -1] }, { msg: "m" }],
  [
    "resource hint",
    { msg: "m", resource: { kind: "Deployment", name: "web", x: 1 } },
    { msg: "m", resource: { kind: "Deployment", name: "web" } },
  ],
  [
    "a number",
    42,
    "rule returned a number, expected a string or an object with msg",
  ],
  ["null", null, "rule returned null, expected a string or an object with msg"],
  [
    "an array",
    ["m"],
    "rule returned an array, expected a string or an object with msg",
  ],
  [
    "object without msg",
    { message: "m" },
    "rule returned an object without a string msg",
  ],
  [
    "non-string msg",
    { msg: 1 },
    "rule returned an object without a string msg",
  ],
];

describe("toPolicyResult", () => {
  it.each(cases)("%s", (_name, value, expected) => {
    expect(toPolicyResult(value)).toEqual(expected);
  });
});
