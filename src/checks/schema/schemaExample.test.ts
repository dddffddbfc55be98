import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runGate } from "../../gate/runGate.js";
import { dirTree } from "../../workspace/dirTree.js";
import { schemaCheck } from "./schemaCheck.js";

const EXAMPLE = fileURLToPath(
  new URL("../../../examples/schema-mistakes", import.meta.url),
);

describe("schema check on examples/schema-mistakes (through the gate)", () => {
  it("reports each mistake once, on its line, and passes the rest", async () => {
    const verdict = await runGate(
      {
        head: dirTree(EXAMPLE, "head"),
        changes: { all: true, paths: [], commits: [] },
      },
      { checks: [schemaCheck] },
    );
    // Render findings (the Argo CD and Flux apps point at remote sources)
    // belong to the renderers; this test is about the schema check.
    const got = verdict.findings
      .filter((f) => f.check === "schema")
      .map((f) => `${f.ruleId} ${f.location.path}:${f.location.line}`)
      .sort();
    expect(got).toEqual([
      "schema/removed-api apps/jobs/cronjob.yaml:1",
      "schema/required apps/web/service.yaml:10",
      "schema/type apps/web/hpa.yaml:11",
      "schema/type apps/widgets/widget.yaml:7",
      "schema/unknown-field apps/web/deployment.yaml:27",
    ]);
    expect(verdict.conclusion).toBe("failure");
  });
});
