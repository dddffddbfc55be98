import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../findings/finding.js";
import { cli } from "../../../test/helpers/cliHarness.js";

const EXAMPLE = fileURLToPath(
  new URL("../../../examples/schema-mistakes", import.meta.url),
);

describe("schema check on examples/schema-mistakes (through the CLI)", () => {
  it("reports each mistake once, on its line, and passes the rest", async () => {
    const run = await cli(["check", EXAMPLE, "--format", "json"], "/");
    const out = JSON.parse(run.stdout) as { findings: Finding[] };
    const got = out.findings
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
    expect(run.code).toBe(1);
  });
});
