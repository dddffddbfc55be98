import { describe, expect, it } from "vitest";
import { schemaCheck } from "./schemaCheck.js";
import { fixture } from "./testCases.js";
import { schemaInput } from "./testInput.js";

const SERVICE = fixture("service.yaml");
const CONFIG = (v: string) =>
  `checks:\n  schema:\n    unknownKinds: notice\n    kubernetesVersion: "${v}"\n`;

async function run(version: string) {
  const config = { checks: { schema: { kubernetesVersion: version } } };
  const repoOnly = { ".github/gitops-gate.yml": CONFIG(version) };
  return schemaCheck.run(
    schemaInput({ "s.yaml": SERVICE }, { config, repoOnly }),
  );
}

describe("checks.schema.kubernetesVersion coverage", () => {
  it.each([
    ["latest", "error", /"latest" is not a Kubernetes version.*1\.16 to 1\.34/],
    ["1.33.x", "error", /is not a Kubernetes version/],
    ["1.12", "error", /"1\.12" is not covered.*1\.16 to 1\.34/],
    ["2.0", "error", /"2\.0" is not covered/],
    [
      "1.36",
      "warning",
      /newer than the shipped schemas.*checked against 1\.34/,
    ],
  ])("%s: a %s on the config line", async (version, severity, says) => {
    const findings = await run(version);
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ["schema/kubernetes-version", severity],
    ]);
    expect(findings[0]?.message).toMatch(says);
    expect(findings[0]?.location).toEqual({
      path: ".github/gitops-gate.yml",
      line: 4,
    });
  });

  it.each(["1.16", "v1.30.2", "1.34"])("%s is covered", async (version) => {
    expect(await run(version)).toEqual([]);
  });
});
