import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fluxRenderer } from "../flux/fluxRenderer.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import {
  startChartRepo,
  versionedChart,
  type ChartRepo,
} from "./testing/chartRepo.js";

const release = (version: string) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: web
  namespace: web
spec:
  chart:
    spec:
      chart: web
      version: "${version}"
      sourceRef:
        kind: HelmRepository
        name: charts
        namespace: flux-system
  values:
    greeting: hi
`;

const helmRepository = (url: string) => `apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata:
  name: charts
  namespace: flux-system
spec:
  url: ${url}
`;

let repo: ChartRepo;
beforeAll(async () => {
  repo = await startChartRepo({
    "web-1.0.0": versionedChart("web", "1.0.0"),
    "web-1.2.0": versionedChart("web", "1.2.0"),
  });
});
afterAll(() => repo.stop());

async function renderRelease(version: string, allow: string[]) {
  const s: Scenario = await scenario(
    {
      "clusters/prod/web.yaml": release(version),
      "clusters/prod/charts.yaml": helmRepository(repo.url),
    },
    { remote: { allow } },
  );
  try {
    const [target] = await fluxRenderer.discover(await s.files(), s.ctx);
    return { target, out: await fluxRenderer.render(target!, s.ctx) };
  } finally {
    await s.cleanup();
  }
}

describe("Flux HelmRelease from a HelmRepository", () => {
  it("fetches the chart from an allowed host and renders it", async () => {
    const { target, out } = await renderRelease("1.x", [repo.host]);
    expect(target!.inputs).toEqual([
      "clusters/prod/charts.yaml",
      "clusters/prod/web.yaml",
    ]);
    expect(out.findings).toEqual([]);
    expect(out.ok).toBe(true);
    const [cm] = out.resources;
    expect(cm!.object).toEqual({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "web-cfg" },
      data: { version: "1.2.0", greeting: "hi" },
    });
    // The chart's templates are not repository files: every field points
    // at the HelmRelease.
    for (const field of [
      ["data", "greeting"],
      ["data", "version"],
    ]) {
      expect(cm!.locate(field)).toEqual({
        path: "clusters/prod/web.yaml",
        line: 1,
      });
    }
  });

  it("allows a bare host for any port", async () => {
    const { out } = await renderRelease("1.0.0", ["127.0.0.1"]);
    expect(out.findings).toEqual([]);
    expect(out.resources[0]!.object["data"]).toMatchObject({
      version: "1.0.0",
    });
  });

  it("keeps a host that is not allowed a notice and fetches nothing", async () => {
    const before = repo.requests.length;
    const { out } = await renderRelease("1.x", ["charts.example.com"]);
    expect(repo.requests.length).toBe(before);
    expect(out.resources).toEqual([]);
    expect(
      out.findings.map((f) => [f.severity, f.message, f.location]),
    ).toEqual([
      [
        "notice",
        `chart "web" from HelmRepository comes from ${new URL(repo.url).host}, which is not in render.remote.allow; it was not fetched or rendered`,
        { path: "clusters/prod/web.yaml", line: 9 },
      ],
    ]);
  });

  it("does not read valuesFiles inside a fetched chart", async () => {
    const before = repo.requests.length;
    const withFiles = release("1.0.0").replace(
      "      sourceRef:",
      "      valuesFiles: [values-prod.yaml]\n      sourceRef:",
    );
    const s = await scenario(
      {
        "clusters/prod/web.yaml": withFiles,
        "clusters/prod/charts.yaml": helmRepository(repo.url),
      },
      { remote: { allow: [repo.host] } },
    );
    try {
      const [t] = await fluxRenderer.discover(await s.files(), s.ctx);
      const out = await fluxRenderer.render(t!, s.ctx);
      expect(repo.requests.length).toBe(before);
      expect(out.findings.map((f) => [f.severity, f.message])).toEqual([
        [
          "notice",
          "valuesFiles of a fetched chart are files inside that chart, which the gate does not read; it was not rendered",
        ],
      ]);
    } finally {
      await s.cleanup();
    }
  });

  it("fails closed with the host and reason when the fetch fails", async () => {
    const { out } = await renderRelease("9.x", [repo.host]);
    expect(out.ok).toBe(false);
    expect(out.findings).toHaveLength(1);
    const [f] = out.findings;
    expect([f!.ruleId, f!.severity, f!.location]).toEqual([
      "render/failed",
      "error",
      { path: "clusters/prod/web.yaml", line: 1 },
    ]);
    expect(f!.message).toMatch(
      new RegExp(
        `^chart "web" 9\\.x from ${repo.host} could not be fetched: helm pull failed: .*9\\.x.*; this target is not rendered$`,
        "s",
      ),
    );
    expect(f!.message).not.toMatch(/gg-charts-|gg-render-|\/tmp\//);
  });
});
