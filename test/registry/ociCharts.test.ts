import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRegistry, type LocalRegistry } from "./startRegistry.js";
import { argocdRenderer } from "../../src/render/argocd/argocdRenderer.js";
import { fluxRenderer } from "../../src/render/flux/fluxRenderer.js";
import type { Renderer } from "../../src/render/Renderer.js";
import { scenario } from "../../src/render/testing/scenario.js";
import {
  startChartRepo,
  testHelm,
  versionedChart,
  type ChartRepo,
} from "../../src/render/remote/testing/chartRepo.js";

let registry: LocalRegistry;
let charts: ChartRepo;
beforeAll(async () => {
  registry = await startRegistry();
  charts = await startChartRepo({
    "web-1.0.0": versionedChart("web", "1.0.0"),
    "web-1.1.0": versionedChart("web", "1.1.0"),
  });
  for (const v of ["1.0.0", "1.1.0"]) {
    execFileSync(
      testHelm(),
      [
        "push",
        join(charts.dir, `web-${v}.tgz`),
        `oci://${registry.host}/charts`,
        "--plain-http",
      ],
      { stdio: "pipe" },
    );
  }
});
afterAll(async () => {
  await registry.stop();
  await charts.stop();
});

const release = (chart: string) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: web
  namespace: web
spec:
${chart}`;

const source = (
  kind: string,
  spec: string,
) => `apiVersion: source.toolkit.fluxcd.io/v1
kind: ${kind}
metadata:
  name: charts
  namespace: web
spec:
${spec}`;

async function render(
  renderer: Renderer,
  files: Record<string, string>,
  remote: { allow: string[]; insecure?: string[] },
) {
  const s = await scenario(files, { remote });
  try {
    const [target] = await renderer.discover(await s.files(), s.ctx);
    return await renderer.render(target!, s.ctx);
  } finally {
    await s.cleanup();
  }
}

const versions = (out: Awaited<ReturnType<typeof render>>) =>
  out.resources.map((r) => (r.object["data"] as { version: string }).version);

describe("charts from an OCI registry", () => {
  const plain = () => ({ allow: [registry.host], insecure: [registry.host] });
  const helmRepo = () => ({
    "web.yaml": release(
      "  chart:\n    spec:\n      chart: web\n      version: 1.0.x\n" +
        "      sourceRef:\n        kind: HelmRepository\n        name: charts\n",
    ),
    "repo.yaml": source(
      "HelmRepository",
      `  type: oci\n  url: oci://${registry.host}/charts\n`,
    ),
  });

  it("fetches a Flux HelmRepository of type oci over plain HTTP", async () => {
    const out = await render(fluxRenderer, helmRepo(), plain());
    expect(out.findings).toEqual([]);
    expect(versions(out)).toEqual(["1.0.0"]);
  });

  it("fetches a Flux OCIRepository chartRef with a semver range", async () => {
    const files = {
      "web.yaml": release(
        "  chartRef:\n    kind: OCIRepository\n    name: charts\n",
      ),
      "repo.yaml": source(
        "OCIRepository",
        `  url: oci://${registry.host}/charts/web\n  ref:\n    semver: ">=1.0.0"\n`,
      ),
    };
    const out = await render(fluxRenderer, files, plain());
    expect(out.findings).toEqual([]);
    expect(versions(out)).toEqual(["1.1.0"]);
  });

  it("fetches an Argo CD chart from a bare registry host", async () => {
    const files = {
      "app.yaml": `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: web
spec:
  source:
    repoURL: ${registry.host}/charts
    chart: web
    targetRevision: 1.1.0
`,
    };
    const out = await render(argocdRenderer, files, plain());
    expect(out.findings).toEqual([]);
    expect(versions(out)).toEqual(["1.1.0"]);
  });

  it("fails closed over TLS when the registry is not listed as insecure", async () => {
    const out = await render(fluxRenderer, helmRepo(), {
      allow: [registry.host],
    });
    expect(out.ok).toBe(false);
    expect(out.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ["render/failed", "error"],
    ]);
    expect(out.findings[0]!.message).toMatch(
      new RegExp(
        `^chart "web" 1\\.0\\.x from ${registry.host} could not be fetched: helm pull failed: `,
      ),
    );
  });
});
