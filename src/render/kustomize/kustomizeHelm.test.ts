import { afterAll, expect, it } from "vitest";
import { WEB_CHART } from "../helm/testCharts.js";
import { GENERATED } from "../locate/kustomizeLocator.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { kustomizeRenderer } from "./kustomizeRenderer.js";

let s: Scenario | undefined;
afterAll(() => s?.cleanup());

it("inflates local helmCharts when render.kustomize.enableHelm allows", async () => {
  const files: Record<string, string> = {
    "app/kustomization.yaml":
      "helmCharts:\n  - name: web\n    releaseName: r\n    valuesFile: values-x.yaml\n",
    "app/values-x.yaml": "replicas: 7\n",
  };
  for (const [p, c] of Object.entries(WEB_CHART)) {
    files[p.replace("charts/web", "app/charts/web")] = c;
  }
  s = await scenario(files, { kustomize: { enableHelm: true } });
  const [t] = await kustomizeRenderer.discover(await s.files(), s.ctx);
  expect(t!.inputs).toContain("app/values-x.yaml");
  expect(t!.inputs).toContain("app/charts/web/templates/deployment.yaml");
  const out = await kustomizeRenderer.render(t!, s.ctx);
  expect(out.findings).toEqual([]);
  expect(out.resources.map((r) => `${r.kind}/${r.name}`)).toEqual([
    "Service/r-web",
    "Deployment/r-web",
  ]);
  const deploy = out.resources[1]!;
  expect((deploy.object["spec"] as { replicas: number }).replicas).toBe(7);
  expect(deploy.locate(["spec", "replicas"])).toEqual({
    path: "app/kustomization.yaml",
    line: 1,
    approximate: GENERATED,
  });
});

it("does not fetch helmCharts with repo:, even from an allowed host", async () => {
  const r = await scenario(
    {
      "app/kustomization.yaml":
        "helmCharts:\n  - name: web\n    repo: https://charts.example.com\n",
    },
    {
      kustomize: { enableHelm: true },
      remote: { allow: ["charts.example.com"] },
    },
  );
  try {
    const [t] = await kustomizeRenderer.discover(await r.files(), r.ctx);
    const out = await kustomizeRenderer.render(t!, r.ctx);
    expect(out.ok).toBe(false);
    expect(out.findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "notice",
        'remote source "https://charts.example.com" was not fetched (kustomize does not fetch remote bases or helmCharts in the gate yet); this target is not rendered',
      ],
    ]);
  } finally {
    await r.cleanup();
  }
});
