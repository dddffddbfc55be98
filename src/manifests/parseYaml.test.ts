import { describe, expect, it } from "vitest";
import { parseYaml } from "./parseYaml.js";
import { toResources } from "./toResources.js";

const cm = (name: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

interface Case {
  name: string;
  text: string | Buffer;
  resources: string[];
  rules: string[];
  firstLine?: number;
}

const cases: Case[] = [
  {
    name: "multi-document with comments and empty documents",
    text: `# header\n---\n${cm("a")}---\n# only a comment\n---\n---\n${cm("b")}`,
    resources: ["a", "b"],
    rules: [],
    firstLine: 3,
  },
  {
    name: "List kind expanded into its items",
    text:
      "apiVersion: v1\nkind: List\nitems:\n" +
      "  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: x}\n" +
      "  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: z}\n",
    resources: ["x", "z"],
    rules: [],
    firstLine: 4,
  },
  {
    name: "anchors and aliases",
    text:
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &n shared\n" +
      "data:\n  a: *n\n",
    resources: ["shared"],
    rules: [],
  },
  {
    name: "CRLF line endings and a BOM",
    text: `\uFEFF${cm("crlf").replace(/\n/g, "\r\n")}`,
    resources: ["crlf"],
    rules: [],
    firstLine: 1,
  },
  {
    name: "duplicate keys are reported, the document still loads",
    text: `${cm("dup")}data:\n  k: 1\n  k: 2\n`,
    resources: ["dup"],
    rules: ["yaml/duplicate-key"],
  },
  {
    name: "unparsable document is reported, the others still load",
    text: `${cm("ok")}---\nfoo: [\n`,
    resources: ["ok"],
    rules: ["yaml/parse"],
  },
  {
    name: "document without kind and name",
    text: "apiVersion: v1\nmetadata: {}\n",
    resources: [],
    rules: ["yaml/missing-field"],
  },
  {
    name: "scalar document",
    text: "just a string\n",
    resources: [],
    rules: ["yaml/not-an-object"],
  },
  {
    name: "binary content with a .yaml name",
    text: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
    resources: [],
    rules: ["yaml/binary"],
  },
];

describe("parseYaml + toResources", () => {
  it.each(cases)("$name", ({ text, resources, rules, firstLine }) => {
    const parsed = parseYaml("f.yaml", text);
    const result = toResources("f.yaml", parsed.documents);
    expect(result.resources.map((r) => r.name)).toEqual(resources);
    const found = [...parsed.problems, ...result.problems].map((p) => p.ruleId);
    expect(found).toEqual(rules);
    if (firstLine !== undefined) {
      expect(result.resources[0]?.source.line).toBe(firstLine);
    }
  });

  it("names the repeated key and its line", () => {
    const text = `${cm("a")}  "two words": 1\n  labels: {}\n  "two words": 2\n`;
    const [p] = parseYaml("dup.yaml", text).problems;
    expect(p?.location.line).toBe(7);
    expect(p?.message).toMatch(/^duplicate key "two words" in one mapping/);
  });

  it("merges `<<: *anchor` keys as kubectl's YAML 1.1 does", () => {
    const text =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\n" +
      "base: &b {a: x, b: y}\ndata:\n  <<: *b\n  b: own\n";
    const { resources } = toResources(
      "m.yaml",
      parseYaml("m.yaml", text).documents,
    );
    expect(resources[0]?.object["data"]).toEqual({ a: "x", b: "own" });
  });

  it("reports a tab indent once, not with the errors it causes", () => {
    const text = "apiVersion: v1\nkind: ConfigMap\ndata:\n  b: 1\n\tc: 2\n";
    const problems = parseYaml("tab.yaml", text).problems;
    expect(problems.map((p) => [p.location.line, p.message])).toEqual([
      [5, expect.stringMatching(/^Tabs are not allowed as indentation/)],
    ]);
  });

  it("puts an error at the end of the file on its last line", () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "open\n\n';
    const [p] = parseYaml("eof.yaml", text).problems;
    expect(p?.ruleId).toBe("yaml/parse");
    expect(p?.location.line).toBe(4);
  });

  it("caps alias expansion (billion laughs)", () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
      "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
      "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
      "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
      "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
      "g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]",
    ].join("\n");
    const parsed = parseYaml("bomb.yaml", bomb);
    expect(parsed.documents).toEqual([]);
    expect(parsed.problems.map((p) => p.ruleId)).toEqual(["yaml/alias"]);
  });

  it("refuses files over the size limit without parsing them", () => {
    const big = Buffer.alloc(2048, "a");
    const parsed = parseYaml("big.yaml", big, {
      maxFileBytes: 1024,
      maxAliasCount: 10,
    });
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        ruleId: "yaml/too-large",
        location: { path: "big.yaml", line: 1 },
      }),
    ]);
  });

  it("locates fields, falling back to the nearest known ancestor", () => {
    const text =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n" +
      "spec:\n  template:\n    spec:\n      containers:\n" +
      "        - name: app\n          image: nginx\n";
    const [r] = toResources(
      "d.yaml",
      parseYaml("d.yaml", text).documents,
    ).resources;
    const path = ["spec", "template", "spec", "containers", 0, "image"];
    expect(r?.locate(path)).toEqual({ path: "d.yaml", line: 10 });
    expect(r?.locate(["spec", "template", "missing"]).line).toBe(6);
  });
});
