import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { argocdRenderer } from "../argocd/argocdRenderer.js";
import { scenario } from "../testing/scenario.js";
import {
  startChartRepo,
  versionedChart,
  type ChartRepo,
} from "./testing/chartRepo.js";

const REPO = "https://github.com/acme/gitops";

const app = (sources: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: web
  namespace: argocd
spec:
  destination:
    namespace: web
  sources:
${sources}`;

const chartSource = (url: string, rev: string, helm = "") =>
  `    - repoURL: ${url}
      chart: web
      targetRevision: "${rev}"
${helm}`;

let repo: ChartRepo;
beforeAll(async () => {
  repo = await startChartRepo({
    "web-1.0.0": versionedChart("web", "1.0.0"),
    "web-1.2.0": versionedChart("web", "1.2.0"),
  });
});
afterAll(() => repo.stop());

async function renderApp(sources: string, allow: string[]) {
  const s = await scenario(
    {
      "apps/web.yaml": app(sources),
      "values/web.yaml": "greeting: from-values\n",
    },
    { remote: { allow }, argocd: { repoURLs: [REPO] } },
  );
  try {
    const [target] = await argocdRenderer.discover(await s.files(), s.ctx);
    return { target, out: await argocdRenderer.render(target!, s.ctx) };
  } finally {
    await s.cleanup();
  }
}

const data = (out: Awaited<ReturnType<typeof renderApp>>["out"]) =>
  out.resources.map((r) => r.object["data"]);

describe("Argo CD Application with a chart from a Helm repository", () => {
  it("fetches from an allowed host with the version range and values", async () => {
    const helm =
      "      helm:\n        valuesObject:\n          greeting: inline\n";
    const { out } = await renderApp(chartSource(repo.url, "1.*", helm), [
      repo.host,
    ]);
    expect(out.findings).toEqual([]);
    expect(data(out)).toEqual([{ version: "1.2.0", greeting: "inline" }]);
    // The chart's templates are not repository files: fields point at the
    // source's chart line.
    expect(out.resources[0]!.locate(["data", "greeting"])).toEqual({
      path: "apps/web.yaml",
      line: 11,
    });
  });

  it("reads $values files of this repository", async () => {
    const helm =
      "      helm:\n        valueFiles:\n          - $values/values/web.yaml\n";
    const { target, out } = await renderApp(
      chartSource(repo.url, "1.0.0", helm) +
        `    - repoURL: ${REPO}\n      ref: values\n`,
      [repo.host],
    );
    expect(target!.inputs).toEqual(["apps/web.yaml", "values/web.yaml"]);
    expect(out.findings).toEqual([]);
    expect(data(out)).toEqual([{ version: "1.0.0", greeting: "from-values" }]);
  });

  it("does not read value files inside the fetched chart", async () => {
    const helm =
      "      helm:\n        valueFiles:\n          - values-prod.yaml\n";
    const before = repo.requests.length;
    const { out } = await renderApp(chartSource(repo.url, "1.0.0", helm), [
      repo.host,
    ]);
    expect(repo.requests.length).toBe(before);
    expect(out.findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "notice",
        'values file "values-prod.yaml" of a fetched chart is read from inside that chart, which the gate does not do; this source is not rendered',
      ],
    ]);
  });

  it("keeps a host that is not allowed a notice", async () => {
    const { out } = await renderApp(chartSource(repo.url, "1.0.0"), []);
    expect(out.findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "notice",
        `Helm chart "web" from ${repo.url} was not fetched; this source is not rendered`,
      ],
    ]);
  });

  it("fails closed on the chart line when the fetch fails", async () => {
    const { out } = await renderApp(
      chartSource(`${repo.url}/private`, "1.0.0"),
      [repo.host],
    );
    expect(out.ok).toBe(false);
    expect(out.findings.map((f) => [f.ruleId, f.severity, f.location])).toEqual(
      [["render/failed", "error", { path: "apps/web.yaml", line: 11 }]],
    );
    expect(out.findings[0]!.message).toMatch(
      new RegExp(
        `^chart "web" 1\\.0\\.0 from ${repo.host} could not be fetched: helm pull failed: .*401`,
        "s",
      ),
    );
  });
});
