import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { renderStage } from "../../src/gate/renderStage.js";
import { fluxRenderer } from "../../src/render/flux/fluxRenderer.js";
import {
  startChartRepo,
  versionedChart,
  type ChartRepo,
} from "../../src/render/remote/testing/chartRepo.js";
import { scenario, type Scenario } from "../../src/render/testing/scenario.js";

const files = (url: string, values: string) => ({
  "repo.yaml": `apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata: { name: charts, namespace: web }
spec: { url: "${url}" }
`,
  "web.yaml": `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: { name: web, namespace: web }
spec:
  chart:
    spec:
      chart: web
      version: 1.0.0
      sourceRef: { kind: HelmRepository, name: charts }
  values: { greeting: ${values} }
`,
});

let charts: ChartRepo;
let sides: Scenario[] = [];
beforeAll(async () => {
  charts = await startChartRepo({ web: versionedChart("web", "1.0.0") });
});
afterAll(async () => {
  await Promise.all(sides.map((s) => s.cleanup()));
  await charts.stop();
});

describe("remote charts in a gate run", () => {
  it("are fetched once for base and head", async () => {
    sides = await Promise.all([
      scenario(files(charts.url, "base")),
      scenario(files(charts.url, "head")),
    ]);
    const [base, head] = sides as [Scenario, Scenario];
    const config = configSchema.parse({
      render: { remote: { allow: [charts.host] } },
    });
    const renders = await renderStage(
      [fluxRenderer],
      { head: head.tree, base: base.tree },
      config,
      { all: false, paths: ["web.yaml"], commits: [] },
    );
    const greeting = (r: (typeof renders.head)[number]) =>
      r.resources.map(
        (x) => (x.object["data"] as { greeting: string }).greeting,
      );
    expect(renders.head.map(greeting)).toEqual([["head"]]);
    expect(renders.base?.map(greeting)).toEqual([["base"]]);
    expect(charts.requests).toEqual(["/index.yaml", "/web-1.0.0.tgz"]);
  });
});
