import { describe, expect, it } from "vitest";
import { edit, fixture, runCase, type Case } from "./testCases.js";

const DEPLOYMENT = fixture("deployment.yaml");
const env = (value: string) =>
  edit(DEPLOYMENT, "value: info", `value: ${value}`);
const configMap = (data: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n${data}`;

const quoteIt = (text: string, as: string): Case => ({
  name: `unquoted ${text} in a string field is read as ${as}`,
  files: { "d.yaml": env(text) },
  expected: [
    {
      ruleId: "schema/type",
      file: "d.yaml",
      marker: `value: ${text}`,
      says: `env[0].value: must be string, got boolean: kubectl reads unquoted \`${text}\` as ${as} (YAML 1.1); quote it: "${text}"`,
    },
  ],
});

const CASES: Case[] = [
  quoteIt("yes", "a boolean (true)"),
  quoteIt("No", "a boolean (false)"),
  quoteIt("ON", "a boolean (true)"),
  quoteIt("off", "a boolean (false)"),
  quoteIt("y", "a boolean (true)"),
  quoteIt("N", "a boolean (false)"),
  {
    name: "quoted or tagged YAML 1.1 booleans stay strings",
    files: {
      "d.yaml": env('"yes"'),
      "c.yaml": configMap("  a: 'on'\n  b: !!str off\n  c: |\n    yes\n"),
    },
    expected: [],
  },
  {
    name: "1_000 is the number 1000 to kubectl: fine for an integer",
    files: { "d.yaml": edit(DEPLOYMENT, "replicas: 3", "replicas: 1_000") },
    expected: [],
  },
  {
    name: "1_000 in a string field is a number to kubectl",
    files: { "c.yaml": configMap("  size: 1_000\n") },
    expected: [
      {
        ruleId: "schema/type",
        file: "c.yaml",
        marker: "size: 1_000",
        says: "as the number 1000 (YAML 1.1); quote it",
      },
    ],
  },
  {
    name: "a YAML 1.1 boolean in an array item points at its line",
    files: {
      "d.yaml": edit(
        DEPLOYMENT,
        "          env:\n",
        "          args:\n            - --a\n            - on\n          env:\n",
      ),
    },
    expected: [
      {
        ruleId: "schema/type",
        file: "d.yaml",
        marker: "- on",
        says: "containers[0].args[1]: must be string, got boolean",
      },
    ],
  },
  {
    name: "~ and null are null in both YAML versions",
    files: { "d.yaml": edit(DEPLOYMENT, "volumes: []", "volumes: ~") },
    expected: [],
  },
];

describe("schemaCheck on YAML 1.1 scalars", () => {
  it.each(CASES)("$name", async (c) => {
    const { findings, got, want } = await runCase(c);
    expect(got).toEqual(want);
    c.expected.forEach((e, i) => {
      if (e.says) expect(findings[i]?.message).toContain(e.says);
    });
  });
});
