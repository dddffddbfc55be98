import { describe, expect, it } from "vitest";
import { loadPolicyFiles, underRoot } from "./loadPolicyFiles.js";
import { memoryTree } from "./test/memoryTree.js";

const TEMPLATE =
  "apiVersion: templates.gatekeeper.sh/v1\nkind: ConstraintTemplate\nmetadata: {name: t}\n";
const CONSTRAINT =
  "apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: T\nmetadata: {name: c}\n";

function source(
  files: Record<string, string>,
  roots: string[],
  optional: string[] = [],
) {
  return {
    tree: memoryTree(files),
    roots,
    display: (p: string) => p,
    optional: new Set(optional),
  };
}

describe("loadPolicyFiles", () => {
  it("sorts Rego, data and Gatekeeper objects apart", async () => {
    const out = await loadPolicyFiles(
      source(
        {
          "policy/main.rego": "package main\n",
          "policy/main_test.rego": "package main\n",
          "policy/data.json": '{"a": 1}',
          "policy/teams/data.yaml": "owners: [x]\n",
          "policy/gk.yaml": `${TEMPLATE}---\n${CONSTRAINT}`,
          "policy/suite.yaml":
            "apiVersion: test.gatekeeper.sh/v1alpha1\nkind: Suite\nmetadata: {name: s}\n",
          "policy/README.md": "# docs",
          "apps/x.rego": "package elsewhere\n",
        },
        ["policy/"],
      ),
    );
    expect(out.modules.map((m) => m.path)).toEqual([
      "policy/main.rego",
      "policy/main_test.rego",
    ]);
    expect(out.data).toEqual([
      { path: "policy/data.json", prefix: [], value: { a: 1 } },
      {
        path: "policy/teams/data.yaml",
        prefix: [],
        value: { owners: ["x"] },
      },
    ]);
    expect(out.gatekeeper.map((g) => [g.path, g.doc.index])).toEqual([
      ["policy/gk.yaml", 0],
      ["policy/gk.yaml", 1],
    ]);
    expect(out.problems).toEqual([]);
  });

  it("explains missing, empty and broken inputs", async () => {
    const out = await loadPolicyFiles(
      source(
        {
          "rules/data.yaml": "a: 1\n",
          "rules/bad.json": "{nope",
          "rules/x.rego": "package x",
        },
        ["policy/", "rules", "org/"],
        ["policy/"],
      ),
    );
    expect(
      out.problems.map((p) => [p.ruleId, p.severity, p.location.path]),
    ).toEqual([
      ["policy/data-load-failed", "error", "rules/bad.json"],
      ["policy/missing-path", "warning", "org/"],
    ]);
    const empty = await loadPolicyFiles(
      source({ "policy/data.yaml": "a: 1\n" }, ["policy/"]),
    );
    expect(empty.problems.map((p) => p.ruleId)).toEqual(["policy/empty-path"]);
    expect(empty.problems[0]?.message).toBe(
      "policy path policy/ has no .rego files and no Gatekeeper templates or constraints",
    );
  });

  it("reports YAML problems as policy findings", async () => {
    const out = await loadPolicyFiles(
      source({ "policy/x.rego": "package x", "policy/bad.yaml": "a: [\n" }, [
        "policy",
      ]),
    );
    expect(
      out.problems.map((p) => [p.check, p.ruleId, p.location.path]),
    ).toEqual([["policy", "yaml/parse", "policy/bad.yaml"]]);
  });
});

describe("underRoot", () => {
  const cases: [string, string, boolean][] = [
    ["policy/a.rego", "policy/", true],
    ["policy/a.rego", "policy", true],
    ["policy/a.rego", "./policy/", true],
    ["policyx/a.rego", "policy", false],
    ["policy.rego", "policy.rego", true],
    ["a/policy/x.rego", "policy/", false],
    ["anything", ".", true],
  ];
  it.each(cases)("%s under %s = %s", (path, root, expected) => {
    expect(underRoot(path, root)).toBe(expected);
  });
});
