import { describe, expect, it } from "vitest";
import { parseYaml } from "./parseYaml.js";
import { toResources } from "./toResources.js";
import { goYamlScalar } from "./yaml11.js";

// How go-yaml v2 (sigs.k8s.io/yaml, so kubectl, Argo CD, Flux and
// kubeconform) resolves plain scalars, where YAML 1.2 differs.
const SCALARS: [string, boolean | number | undefined][] = [
  ["yes", true],
  ["Yes", true],
  ["YES", true],
  ["y", true],
  ["on", true],
  ["ON", true],
  ["no", false],
  ["N", false],
  ["Off", false],
  ["yEs", undefined],
  ["0777", 511],
  ["-0777", -511],
  ["0o17", 15],
  ["0x1F", 31],
  ["0b101", 5],
  ["1_000", 1000],
  ["1_0.5", 10.5],
  ["08", 8],
  ["12", 12],
  ["1e3", 1000],
  ["~", undefined],
  ["10:30", undefined],
  ["2001-12-14", undefined],
  ["_1", undefined],
  ["v1", undefined],
];

describe("goYamlScalar", () => {
  it.each(SCALARS)("%s", (text, value) => {
    expect(goYamlScalar(text)).toBe(value);
  });
});

const doc = (body: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n${body}`;

describe("toResources and YAML 1.1", () => {
  it("holds what kubectl reads, and where each differing scalar is", () => {
    const text = doc(
      "data:\n  a: yes\n  b: 'no'\n  c: &x on\n  d: *x\n" +
        "  e: 0777\n  f: 1_000\n  g: ~\n  h: plain\n",
    );
    const { resources } = toResources(
      "c.yaml",
      parseYaml("c.yaml", text).documents,
    );
    const [r] = resources;
    expect(r?.object["data"]).toEqual({
      a: true,
      b: "no",
      c: true,
      d: true,
      e: 511,
      f: 1000,
      g: null,
      h: "plain",
    });
    expect(r?.yaml11?.map((s) => [s.path.join("."), s.text])).toEqual([
      ["data.a", "yes"],
      ["data.c", "on"],
      ["data.d", "on"],
      ["data.e", "0777"],
      ["data.f", "1_000"],
    ]);
  });

  it("gives List items their own relative paths", () => {
    const text =
      "apiVersion: v1\nkind: List\nitems:\n" +
      "  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: x}\n" +
      "    data: {k: off}\n";
    const { resources } = toResources(
      "l.yaml",
      parseYaml("l.yaml", text).documents,
    );
    expect(resources[0]?.yaml11).toEqual([
      { path: ["data", "k"], text: "off", value: false },
    ]);
  });

  it("leaves the parsed document itself as YAML 1.2", () => {
    const [d] = parseYaml("c.yaml", doc("data:\n  a: yes\n")).documents;
    expect((d?.value as { data: unknown }).data).toEqual({ a: "yes" });
  });
});

describe("toResources on identity fields that are not strings", () => {
  const cases: [string, string, string, number][] = [
    [
      "a number",
      "  name: 123\n",
      'metadata.name must be a string, got number 123; quote it: "123"',
      4,
    ],
    [
      "a YAML 1.1 boolean",
      "  name: yes\n",
      'got boolean yes (kubectl reads YAML 1.1); quote it: "yes"',
      4,
    ],
    [
      "a namespace number",
      "  name: ok\n  namespace: 42\n",
      "metadata.namespace must be a string",
      5,
    ],
  ];
  it.each(cases)("%s", (_, meta, says, line) => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n${meta}`;
    const out = toResources("n.yaml", parseYaml("n.yaml", text).documents);
    expect(out.resources).toEqual([]);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]?.ruleId).toBe("yaml/invalid-field");
    expect(out.problems[0]?.message).toContain(says);
    expect(out.problems[0]?.location.line).toBe(line);
  });

  it("still says a missing name, or a templated one, is missing", () => {
    const text =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ x }}\n";
    const out = toResources("n.yaml", parseYaml("n.yaml", text).documents);
    expect(out.problems[0]?.ruleId).toBe("yaml/missing-field");
  });

  it("still says a missing name is missing", () => {
    const text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n";
    const out = toResources("n.yaml", parseYaml("n.yaml", text).documents);
    expect(out.problems[0]?.message).toBe("document has no metadata.name");
  });
});
