import { describe, expect, it } from "vitest";
import { parseYaml } from "../../manifests/parseYaml.js";
import { toResources } from "../../manifests/toResources.js";
import { findResource, hitToFinding } from "./hitToFinding.js";

const TEXT =
  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ns\nspec:\n  containers:\n    - name: a\n      image: x\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: q\n";
const resources = toResources(
  "pods.yaml",
  parseYaml("pods.yaml", TEXT).documents,
).resources;

describe("hitToFinding", () => {
  const ctx = {
    resource: resources[0]!,
    location: resources[0]!.source,
    target: "plain:x",
    environment: "prod",
  };

  const cases: [string, unknown, unknown][] = [
    [
      "field line",
      ["spec", "containers", 0, "image"],
      { path: "pods.yaml", line: 9 },
    ],
    ["document line without field", undefined, { path: "pods.yaml", line: 1 }],
    [
      "nearest ancestor of a missing field",
      ["spec", "containers", 0, "securityContext"],
      { path: "pods.yaml", line: 8 },
    ],
  ];
  it.each(cases)("locates the %s", (_name, field, location) => {
    const result = field
      ? { msg: "m", field: field as (string | number)[] }
      : { msg: "m" };
    const f = hitToFinding("R", "error", result, ctx);
    expect(f.location).toMatchObject(location as object);
    expect(f).toMatchObject({
      check: "policy",
      ruleId: "R",
      severity: "error",
      message: "m",
      target: "plain:x",
      environment: "prod",
      resource: { kind: "Pod", name: "p", namespace: "ns" },
    });
  });
});

describe("findResource", () => {
  const cases: [string, unknown, string | undefined][] = [
    ["by kind and name", { kind: "Pod", name: "q" }, "q"],
    ["by name and namespace", { name: "p", namespace: "ns" }, "p"],
    ["ambiguous", { kind: "Pod" }, undefined],
    ["unknown", { kind: "Pod", name: "z" }, undefined],
    ["no hint", undefined, undefined],
  ];
  it.each(cases)("%s", (_name, hint, expected) => {
    expect(findResource(resources, hint as never)?.name).toBe(expected);
  });
});
