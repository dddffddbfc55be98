import { describe, expect, it } from "vitest";
import { readBuiltinPackFiles } from "./builtinPackFiles.js";
import { readPackMetadata } from "./packMetadata.js";

const RULE = `package x

# METADATA
# title: Thing
# description: >-
#   Long
#   text.
# custom:
#   id: GG-X-001
#   severity: warning
#   environments:
#     prod: error
#   remediation: Fix it.
deny contains r if { r := 1 }
`;

describe("readPackMetadata", () => {
  it("reads id, title, severity, environments and the block's line", () => {
    const [rule] = readPackMetadata("p/x.rego", RULE);
    expect(rule).toEqual({
      id: "GG-X-001",
      title: "Thing",
      description: "Long text.",
      remediation: "Fix it.",
      severity: "warning",
      environments: { prod: "error" },
      file: "p/x.rego",
      line: 3,
    });
  });

  const broken: [string, string, RegExp][] = [
    [
      "bad severity",
      RULE.replace("severity: warning", "severity: fatal"),
      /custom.severity/,
    ],
    ["no title", RULE.replace("# title: Thing\n", ""), /no title/],
    [
      "no remediation",
      RULE.replace("#   remediation: Fix it.\n", ""),
      /no custom.remediation/,
    ],
    [
      "bad YAML",
      RULE.replace("# title: Thing", "# title: [oops"),
      /p\/x.rego:3: METADATA block is not valid YAML/,
    ],
  ];
  it.each(broken)("refuses a block with %s", (_name, source, message) => {
    expect(() => readPackMetadata("p/x.rego", source)).toThrow(message);
  });

  it("ignores blocks without an id (package docs, helpers)", () => {
    const src = "# METADATA\n# title: package\npackage x\n";
    expect(readPackMetadata("x.rego", src)).toEqual([]);
  });
});

describe("the built-in pack", async () => {
  const files = await readBuiltinPackFiles();
  const modules = files.filter((f) => !f.path.endsWith("_test.rego"));
  const rules = modules.flatMap((m) => readPackMetadata(m.path, m.source));

  it("documents every rule with a unique stable id", () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^GG-[A-Z]+-\d{3}$/);
    expect(ids.length).toBeGreaterThanOrEqual(20);
  });

  it("emits only ids that METADATA documents, each right after its block", () => {
    for (const m of modules) {
      const emitted = [...m.source.matchAll(/"id": "(GG-[A-Z]+-\d{3})"/g)].map(
        (x) => x[1],
      );
      const documented = readPackMetadata(m.path, m.source).map((r) => r.id);
      expect(emitted.sort()).toEqual(documented.sort());
    }
  });

  it("has a test file next to every rule file", () => {
    const paths = new Set(files.map((f) => f.path));
    for (const m of modules) {
      expect(paths).toContain(m.path.replace(/\.rego$/, "_test.rego"));
    }
  });
});
