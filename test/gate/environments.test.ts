import { afterEach, describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.js";
import { cli } from "../helpers/cliHarness.js";
import { tempRepos } from "../helpers/tempRepos.js";

const { repo, cleanup } = tempRepos("gg-envs-");
afterEach(cleanup);

const base = {
  "apps/web/base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
  "apps/web/base/deployment.yaml": [
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata: {name: web}",
    "spec:",
    "  selector: {matchLabels: {app: web}}",
    "  template:",
    "    metadata: {labels: {app: web}}",
    "    spec:",
    "      containers:",
    "        - name: web",
    "          image: nginx:1.27",
    "          ports: [{containerPort: 80, protocl: TCP}]",
    "",
  ].join("\n"),
  "apps/web/overlays/dev/kustomization.yaml":
    "resources: [../../base]\nnamePrefix: dev-\n",
  "apps/web/overlays/prod/kustomization.yaml":
    "resources: [../../base]\nnamePrefix: prod-\n",
};

describe("a shared base judged by the environments that use it", () => {
  it("a dev-only override cannot hide the prod copy of a finding", async () => {
    const dir = repo({
      ...base,
      ".github/gitops-gate.yml": [
        "environments:",
        '  prod: {paths: ["apps/*/overlays/prod/**"]}',
        '  dev: {paths: ["apps/*/overlays/dev/**"]}',
        "overrides:",
        "  - {check: schema, environments: [dev], severity: notice}",
        "",
      ].join("\n"),
    });
    const run = await cli(["check", dir, "--format", "json"], "/");
    const findings = (JSON.parse(run.stdout) as { findings: Finding[] })
      .findings;
    const typo = findings.filter((f) => f.ruleId === "schema/unknown-field");
    expect(typo).toEqual([
      expect.objectContaining({
        severity: "error",
        environment: "prod",
        location: { path: "apps/web/base/deployment.yaml", line: 12 },
      }),
    ]);
    expect(run.code).toBe(1);
  });
});
