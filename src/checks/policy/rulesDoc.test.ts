import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readBuiltinPackFiles } from "./builtinPackFiles.js";
import { readPackMetadata } from "./packMetadata.js";
import { rulesDoc } from "./rulesDoc.js";

describe("rulesDoc", () => {
  it("renders a row and a section per rule, escaping table cells", () => {
    const doc = rulesDoc([
      {
        id: "GG-B-001",
        title: "B | pipe",
        severity: "warning",
        environments: { prod: "error" },
        description: "Desc.",
        remediation: "Fix.",
        file: "policies/b.rego",
        line: 3,
      },
      {
        id: "GG-A-001",
        title: "A",
        severity: "error",
        environments: {},
        description: "D.",
        remediation: "R.",
        file: "policies/a.rego",
        line: 1,
      },
    ]);
    expect(doc).toContain(
      "| [GG-A-001](#gg-a-001) | A | error | `policies/a.rego` |\n| [GG-B-001](#gg-b-001) | B \\| pipe | warning (error in prod) |",
    );
    expect(doc).toContain(
      "## GG-B-001\n\n**B \\| pipe** (warning (error in prod))\n\nDesc.\n\nRemediation: Fix.",
    );
  });

  it("docs/rules.md is up to date (run `npm run docs:rules`)", async () => {
    const files = await readBuiltinPackFiles();
    const rules = files
      .filter((f) => !f.path.endsWith("_test.rego"))
      .flatMap((f) => readPackMetadata(f.path, f.source));
    const onDisk = readFileSync(
      new URL("../../../docs/rules.md", import.meta.url),
      "utf8",
    );
    expect(onDisk).toBe(rulesDoc(rules));
  });
});
