import { describe, expect, it } from "vitest";
import { configSchema } from "../../config/schema.js";
import type { Finding, Severity } from "../../findings/finding.js";
import type { RenderedTarget } from "../../render/RenderTarget.js";
import type { Tree } from "../../workspace/Tree.js";
import { createSecretsCheck } from "./secretsCheck.js";
import { memoryTree } from "./testing/memoryTree.js";
import { summary } from "./testing/runSecrets.js";

/** A head where `link.yaml` cannot be read and `big.yaml` is too large. */
function hostileHead(): Tree {
  const inner = memoryTree({ "big.yaml": "a".repeat(10 * 1024 * 1024 + 1) });
  return {
    ...inner,
    files: async () => ["big.yaml", "link.yaml"],
    readFile: async (p) => {
      if (p === "link.yaml") throw new Error("read link.yaml: outside");
      return inner.readFile(p);
    },
  };
}

function yamlTarget(rules: [string, string, Severity][]): RenderedTarget {
  const findings = rules.map(([path, ruleId, severity]): Finding => ({
    check: "yaml",
    ruleId,
    severity,
    message: "not read",
    location: { path },
  }));
  const target = {
    id: "plain:.",
    kind: "plain" as const,
    path: ".",
    inputs: [],
  };
  return { target, ok: false, resources: [], findings };
}

async function run(targets: RenderedTarget[]): Promise<Finding[]> {
  return createSecretsCheck({ fingerprintKey: "k" }).run({
    config: configSchema.parse({}),
    head: hostileHead(),
    targets,
    changes: { all: true, paths: [], commits: [] },
    environmentOf: () => undefined,
  });
}

describe("not-scanned files: one cause, one finding", () => {
  it.each<[string, [string, string, Severity][], string[]]>([
    [
      "no renderer report: ours stay",
      [],
      ["gg:not-scanned big.yaml:1", "gg:not-scanned link.yaml:1"],
    ],
    [
      "the yaml check reports both files",
      [
        ["big.yaml", "yaml/too-large", "error"],
        ["link.yaml", "yaml/unreadable", "error"],
      ],
      [],
    ],
    [
      "a yaml report below ours does not hide ours",
      [
        ["big.yaml", "yaml/too-large", "notice"],
        ["link.yaml", "yaml/unreadable", "error"],
      ],
      ["gg:not-scanned big.yaml:1"],
    ],
    [
      "another yaml rule on the file is another cause",
      [
        ["big.yaml", "yaml/parse", "error"],
        ["link.yaml", "yaml/unreadable", "error"],
      ],
      ["gg:not-scanned big.yaml:1"],
    ],
  ])("%s", async (_name, rules, want) => {
    expect(summary(await run([yamlTarget(rules)]))).toEqual(want);
  });

  it("gives a not-scanned finding no fingerprint, in no field", async () => {
    const findings = await run([]);
    expect(findings).toHaveLength(2);
    for (const f of findings) {
      expect(f.fingerprint).toBeUndefined();
      expect(f.message).not.toMatch(/fingerprint/i);
      expect(f.severity).toBe("warning");
    }
  });
});
