import { describe, expect, it } from "vitest";
import { SCHEMA_RULES } from "./schemaRules.js";
import { runCase, type Case } from "./testCases.js";

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: pools.net.example.com
spec:
  group: net.example.com
  scope: Namespaced
  names: { kind: Pool, plural: pools }
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          x-kubernetes-validations:
            - rule: "self.spec.min <= self.spec.max"
              message: min must not exceed max
          properties:
            spec:
              type: object
              x-kubernetes-validations:
                - rule: "has(self.min) && self.min.matches('^[0-9]+$')"
                  messageExpression: "'bad min: ' + string(self.min)"
              properties:
                min: { type: integer }
                max: { type: integer }
                tags:
                  type: array
                  x-kubernetes-list-type: set
                  items: { type: string }
                routes:
                  type: array
                  x-kubernetes-list-type: map
                  x-kubernetes-list-map-keys: [name, port]
                  items:
                    type: object
                    required: [name, port]
                    x-kubernetes-validations:
                      - rule: "self.port > 0"
                    properties:
                      name: { type: string }
                      port: { type: integer }
                      via: { type: string }
                atomic:
                  type: array
                  x-kubernetes-list-type: atomic
                  items: { type: string }
`;

const pool = (spec: string) =>
  `apiVersion: net.example.com/v1\nkind: Pool\nmetadata:\n  name: p\nspec:\n${spec}`;

const CASES: Case[] = [
  {
    name: "CEL rules are not evaluated: no crash, no false error",
    files: {
      "p.yaml": pool(
        "  min: 9\n  max: 1\n  tags: [a, b]\n  atomic: [x, x]\n" +
          "  routes:\n    - { name: a, port: 80 }\n    - { name: a, port: 81 }\n" +
          "    - { name: b, port: 80 }\n",
      ),
    },
    expected: [],
  },
  {
    name: "a repeated item of a list-type set",
    files: { "p.yaml": pool("  tags:\n    - a\n    - b\n    - a # again\n") },
    expected: [
      { ruleId: "schema/duplicate-item", file: "p.yaml", marker: "# again" },
    ],
  },
  {
    name: "two items of a list-type map with the same keys",
    files: {
      "p.yaml": pool(
        "  routes:\n    - name: a\n      port: 80\n" +
          "    - name: b\n      port: 80\n    - name: a # again\n      port: 80\n      via: x\n",
      ),
    },
    expected: [
      { ruleId: "schema/duplicate-item", file: "p.yaml", marker: "# again" },
    ],
  },
];

describe("CRD list types and CEL rules", () => {
  it.each(CASES)("$name", async (c) => {
    const { findings, got, want } = await runCase({
      ...c,
      repoOnly: { "crd.yaml": CRD },
    });
    expect(got).toEqual(want);
    for (const f of findings) expect(SCHEMA_RULES.has(f.ruleId)).toBe(true);
  });

  it("names the duplicate and the item it repeats", async () => {
    const files = {
      "p.yaml": pool(
        "  routes:\n    - name: a\n      port: 80\n    - name: a\n      port: 80\n",
      ),
    };
    const { findings } = await runCase({
      name: "",
      files,
      repoOnly: { "crd.yaml": CRD },
      expected: [],
    });
    expect(findings.map((f) => [f.message, f.location.line])).toEqual([
      [
        "spec.routes[1]: duplicate entry: has the same name, port as item 0 (x-kubernetes-list-type: map)",
        9,
      ],
    ]);
  });
});
