import { describe, expect, it } from "vitest";
import { fastLeaves } from "./fastLeaves.js";
import { yamlLeaves, type YamlDoc } from "./yamlLeaves.js";

/** The leaves the decoders read, in a comparable form. */
function relevant(doc: YamlDoc | undefined): string[] {
  return (doc?.leaves ?? [])
    .filter((l) =>
      ["data", "stringData", "metadata", "kind", "type"].includes(
        String(l.path[0]),
      ),
    )
    .filter(
      (l) =>
        l.path[0] !== "metadata" ||
        ["name", "namespace"].includes(String(l.path[1])),
    )
    .map((l) => `${l.path.join(".")}@${l.line}=${l.value.trim()}`)
    .sort();
}

const secret = (body: string) =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s # the name\n  namespace: "ns"\n  labels:\n    app: x\n  annotations:\n    a.io/b: "c"\ntype: Opaque\n${body}`;

const simple: [string, string][] = [
  [
    "data",
    secret("data:\n  a: aGVsbG8=\n  b.c: 'd2'\n\n  # comment\n  e: \"ZQ==\"\n"),
  ],
  [
    "stringData with a literal block",
    secret(
      "stringData:\n  key.pem: |\n    line one\n\n    # not a comment\n    line three\n  after: x\n",
    ),
  ],
  [
    "strip and keep chomping",
    secret("stringData:\n  a: |-\n    x\n  b: |+\n    y\n\n"),
  ],
  [
    "ConfigMap with CRLF",
    "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: c\r\ndata:\r\n  K: v # c\r\n",
  ],
  [
    "document start marker and comments",
    `--- # doc\n# top comment\n${secret("data:\n  a: eA==\n")}`,
  ],
  [
    "4-space indentation",
    "kind: Secret\nmetadata:\n    name: x\ndata:\n    a: eQ==\n",
  ],
  [
    "flow metadata",
    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: n}\ndata:\n  a: b\n",
  ],
  ["null and empty values", secret("stringData:\n  a: ~\n  b:\n  c: ''\n")],
];

const refused: [string, string][] = [
  ["flow map", secret("data: {a: eA==}\n")],
  ["anchor", secret("data:\n  a: &x eA==\n  b: *x\n")],
  ["tag", secret("data:\n  a: !!binary eA==\n")],
  ["escaped quote", secret('stringData:\n  a: "x\\ny"\n')],
  ["multi-line plain scalar", secret("stringData:\n  a: first\n    second\n")],
  ["folded block", secret("stringData:\n  a: >\n    x\n")],
  [
    "sops metadata",
    secret("data:\n  a: ENC[AES256_GCM,data:x,type:str]\nsops:\n  mac: x\n"),
  ],
  [
    "list under metadata",
    secret("data:\n  a: eA==\n").replace(
      "  labels:",
      "  finalizers:\n  - x\n  labels:",
    ),
  ],
  [
    "a kind it does not read",
    "kind: Kustomization\nsecretGenerator:\n  - name: x\n    literals: [A=b]\n",
  ],
  ["tab indentation", "kind: Secret\ndata:\n\ta: eA==\n"],
];

describe("fastLeaves", () => {
  it.each(simple)("agrees with the YAML parser: %s", (_name, text) => {
    const fast = fastLeaves(text);
    expect(fast).toBeDefined();
    expect(relevant(fast)).toEqual(relevant(yamlLeaves(text)[0]));
    expect(fast?.top["kind"]).toBe(yamlLeaves(text)[0]?.top["kind"]);
  });

  it.each(refused)("leaves it to the parser: %s", (_name, text) => {
    expect(fastLeaves(text)).toBeUndefined();
  });

  it("numbers lines from the document's first line", () => {
    const doc = fastLeaves("kind: Secret\ndata:\n  a: eA==\n", 40);
    expect(doc?.leaves.find((l) => l.path[1] === "a")?.line).toBe(42);
  });
});
