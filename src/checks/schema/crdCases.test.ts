import { describe, expect, it } from "vitest";
import { SCHEMA_RULES } from "./schemaRules.js";
import { edit, fixture, runCase, widget, type Case } from "./testCases.js";

const WIDGET_CRD = fixture("crd-widget.yaml");
const DEPLOYMENT = fixture("deployment.yaml");

const LEGACY_CRD = `apiVersion: apiextensions.k8s.io/v1beta1
kind: CustomResourceDefinition
metadata:
  name: gadgets.legacy.example.com
spec:
  group: legacy.example.com
  version: v1
  names:
    kind: Gadget
  validation:
    openAPIV3Schema:
      type: object
      properties:
        spec:
          type: object
          properties:
            count:
              type: integer
`;

const GADGET =
  "apiVersion: legacy.example.com/v1\nkind: Gadget\nmetadata:\n  name: g\n" +
  "spec:\n  count: many\n  colour: red\n";

/** Custom resources against CRDs of the repository. */
const CASES: Case[] = [
  {
    name: "a v1beta1 CRD keeps unknown fields by default (preserveUnknownFields)",
    files: { "g.yaml": GADGET },
    repoOnly: { "legacy-crd.yaml": LEGACY_CRD },
    expected: [
      { ruleId: "schema/type", file: "g.yaml", marker: "count: many" },
    ],
  },
  {
    name: "a v1beta1 CRD with preserveUnknownFields: false is strict",
    files: { "g.yaml": GADGET },
    repoOnly: {
      "legacy-crd.yaml": edit(
        LEGACY_CRD,
        "  version: v1\n",
        "  version: v1\n  preserveUnknownFields: false\n",
      ),
    },
    expected: [
      { ruleId: "schema/type", file: "g.yaml", marker: "count: many" },
      { ruleId: "schema/unknown-field", file: "g.yaml", marker: "colour" },
    ],
  },
  {
    name: "metadata stays strict under preserveUnknownFields",
    files: {
      "g.yaml": edit(GADGET, "  name: g\n", "  name: g\n  lables: {}\n"),
    },
    repoOnly: { "legacy-crd.yaml": LEGACY_CRD },
    expected: [
      { ruleId: "schema/unknown-field", file: "g.yaml", marker: "lables" },
      { ruleId: "schema/type", file: "g.yaml", marker: "count: many" },
    ],
  },
  {
    name: "an invalid custom resource against a CRD of the repository",
    files: { "w.yaml": widget("  size: big\n  color: red\n") },
    repoOnly: { "crds/widget.yaml": WIDGET_CRD },
    expected: [
      {
        ruleId: "schema/type",
        file: "w.yaml",
        marker: "size: big",
        says: "spec.size: must be integer, got string",
      },
    ],
  },
  {
    name: "a custom resource with preserved, int-or-string and embedded fields",
    files: {
      "w.yaml": widget(
        "  size: 2\n  port: http\n  timeout: 1m30s\n  memory: 1Gi\n" +
          "  config:\n    any: [thing]\n  template:\n" +
          "    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n" +
          "      name: x\n    data: {}\nstatus:\n  ready: true\n",
      ),
      "crd.yaml": WIDGET_CRD,
    },
    expected: [],
  },
  {
    name: "strictness, enums, int-or-string and Go durations in a CRD",
    files: {
      "w.yaml": widget(
        "  size: 0\n  colour: red\n  color: pink\n  port: true\n  timeout: P1D\n",
      ),
    },
    repoOnly: { "crd.yaml": WIDGET_CRD },
    expected: [
      {
        ruleId: "schema/invalid",
        file: "w.yaml",
        marker: "size: 0",
        says: "spec.size: must be >= 1",
      },
      {
        ruleId: "schema/unknown-field",
        file: "w.yaml",
        marker: "colour",
        says: 'did you mean "color"?',
      },
      {
        ruleId: "schema/enum",
        file: "w.yaml",
        marker: "color: pink",
        says: '"red", "green", "blue", got "pink"',
      },
      {
        ruleId: "schema/type",
        file: "w.yaml",
        marker: "port: true",
        says: "must be integer or string, got boolean",
      },
      {
        ruleId: "schema/format",
        file: "w.yaml",
        marker: "timeout",
        says: "must be a valid duration",
      },
    ],
  },
  {
    name: "a custom resource's metadata is checked like any ObjectMeta",
    files: {
      "w.yaml":
        "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n" +
        "  lables:\n    app: w\nspec:\n  size: 1\n",
    },
    repoOnly: { "crd.yaml": WIDGET_CRD },
    expected: [
      {
        ruleId: "schema/unknown-field",
        file: "w.yaml",
        marker: "lables",
        says: 'metadata.lables: unknown field "lables" (did you mean "labels"?)',
      },
    ],
  },
  {
    name: "CRD versions: deprecated, not served, not declared",
    files: {
      "a.yaml": widget("  anything: 1\n", "example.com/v1beta1"),
      "b.yaml": widget("  size: 1\n", "example.com/v1alpha1"),
      "c.yaml": widget("  size: 1\n", "example.com/v2"),
    },
    repoOnly: { "crd.yaml": WIDGET_CRD },
    expected: [
      {
        ruleId: "schema/deprecated-api",
        severity: "warning",
        file: "a.yaml",
        marker: "apiVersion",
        says: "use example.com/v1",
      },
      {
        ruleId: "schema/removed-api",
        file: "b.yaml",
        marker: "apiVersion",
        says: "not served by its CRD (crd.yaml:1)",
      },
      {
        ruleId: "schema/unknown-kind",
        file: "c.yaml",
        marker: "apiVersion",
        says: "declares example.com/v1, example.com/v1beta1, example.com/v1alpha1, not example.com/v2",
      },
    ],
  },
  {
    name: "a repository CRD cannot loosen a Kubernetes kind",
    files: { "d.yaml": edit(DEPLOYMENT, "replicas: 3", "replicas: three") },
    repoOnly: {
      "evil-crd.yaml": edit(
        edit(
          edit(WIDGET_CRD, "group: example.com", "group: apps"),
          "kind: Widget",
          "kind: Deployment",
        ),
        "- name: v1\n",
        "- name: v1\n      x-kubernetes-preserve-unknown-fields: true\n",
      ),
    },
    expected: [
      { ruleId: "schema/type", file: "d.yaml", marker: "replicas: three" },
    ],
  },
  {
    name: "a CRD whose schema does not compile is reported, not thrown",
    files: { "w.yaml": widget("  size: 1\n") },
    repoOnly: { "crd.yaml": edit(WIDGET_CRD, "minimum: 1", 'pattern: "("') },
    expected: [
      {
        ruleId: "schema/invalid-crd",
        file: "w.yaml",
        marker: "apiVersion",
        says: "crd.yaml:1",
      },
    ],
  },
];

describe("schemaCheck with CRDs of the repository", () => {
  it("runs CRD patterns on RE2, so a catastrophic one cannot hang it", async () => {
    const crd = edit(
      WIDGET_CRD,
      "type: string\n                  enum: [red, green, blue]",
      "type: string\n                  pattern: '^(a+)+$'",
    );
    const c: Case = {
      name: "ReDoS",
      files: { "w.yaml": widget(`  size: 1\n  color: ${"a".repeat(40)}!\n`) },
      repoOnly: { "crd.yaml": crd },
      expected: [{ ruleId: "schema/format", file: "w.yaml", marker: "color" }],
    };
    const started = Date.now();
    const { got, want } = await runCase(c);
    expect(got).toEqual(want);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each(CASES)("$name", async (c) => {
    const { findings, got, want } = await runCase(c);
    expect(got).toEqual(want);
    for (const f of findings) {
      expect(f.message).not.toContain("hunter2");
      expect(SCHEMA_RULES.has(f.ruleId), `${f.ruleId} documented`).toBe(true);
    }
    c.expected.forEach((e, i) => {
      if (e.says) expect(findings[i]?.message).toContain(e.says);
      expect(findings[i]?.check).toBe("schema");
    });
  });
});
