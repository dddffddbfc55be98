import { describe, expect, it } from "vitest";
import type { Resource } from "../../manifests/Resource.js";
import { renderDiffMarkdown } from "../../report/renderDiffMarkdown.js";
import type { RenderedTarget, RenderTarget } from "../RenderTarget.js";
import { diffRenders } from "./diffRenders.js";

const target: RenderTarget = {
  id: "kustomize:apps/web/overlays/prod",
  kind: "kustomize",
  path: "apps/web/overlays/prod",
  inputs: [],
  environment: "prod",
};

function res(object: Record<string, unknown>): Resource {
  const meta = object["metadata"] as { name: string; namespace?: string };
  const source = { path: "x.yaml", line: 1 };
  return {
    apiVersion: String(object["apiVersion"]),
    kind: String(object["kind"]),
    name: meta.name,
    ...(meta.namespace ? { namespace: meta.namespace } : {}),
    object,
    source,
    locate: () => source,
  };
}
const rendered = (resources: Resource[], t = target): RenderedTarget => ({
  target: t,
  ok: true,
  resources,
  findings: [],
});
const deploy = (replicas: number, chart = "web-1.0.0") =>
  res({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: "web",
      namespace: "prod",
      labels: { "helm.sh/chart": chart },
    },
    spec: { replicas },
  });
const secret = (token: string) =>
  res({
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: "creds" },
    data: { token: Buffer.from(token).toString("base64"), same: "c2FtZQ==" },
  });

describe("diffRenders", () => {
  it("reports a changed field as a unified YAML diff", () => {
    const d = diffRenders([rendered([deploy(1)])], [rendered([deploy(3)])]);
    expect(d.summary).toEqual({
      targets: 1,
      added: 0,
      changed: 1,
      removed: 0,
      failed: 0,
    });
    const [t] = d.targets;
    expect(t!.status).toBe("changed");
    expect(t!.resources[0]!.diff).toContain("-  replicas: 1\n+  replicas: 3");
  });

  it("masks Secret values but still shows that they changed", () => {
    const d = diffRenders(
      [rendered([secret("hunter2-old")])],
      [rendered([secret("hunter2-new")])],
    );
    const r = d.targets[0]!.resources[0]!;
    expect(r.masked).toBe(true);
    expect(r.diff).toContain('+  token: "<masked: changed>"');
    expect(r.diff).toContain("same: <masked>");
    const all = JSON.stringify(d) + renderDiffMarkdown(d);
    for (const leak of [
      "hunter2",
      Buffer.from("hunter2-new").toString("base64"),
      "c2FtZQ==",
    ]) {
      expect(all).not.toContain(leak);
    }
  });

  it("hides Helm chart label churn only when asked", () => {
    const base = [rendered([deploy(1, "web-1.0.0")])];
    const head = [rendered([deploy(1, "web-1.0.1")])];
    expect(diffRenders(base, head).targets[0]!.status).toBe("changed");
    expect(
      diffRenders(base, head, { hideChartLabels: true }).targets[0]!.status,
    ).toBe("unchanged");
  });

  it("reports targets that fail on one side, or exist on one side", () => {
    const failing: RenderedTarget = {
      target,
      ok: false,
      resources: [],
      findings: [
        {
          check: "render",
          ruleId: "render/failed",
          severity: "error",
          message: "kustomize failed: no matches for Id Deployment",
          location: { path: "a" },
        },
      ],
    };
    const other = { ...target, id: "helm:charts/web", kind: "helm" as const };
    const d = diffRenders(
      [rendered([deploy(1)])],
      [failing, rendered([deploy(1)], other)],
    );
    expect(d.targets.map((t) => [t.id, t.status])).toEqual([
      ["helm:charts/web", "added"],
      ["kustomize:apps/web/overlays/prod", "failed-head"],
    ]);
    expect(d.targets[1]!.errors).toEqual([
      {
        side: "head",
        message: "kustomize failed: no matches for Id Deployment",
      },
    ]);
    expect(d.summary.failed).toBe(1);
    expect(d.summary.added).toBe(1);
  });

  it("never cuts silently", () => {
    const many = (n: number) =>
      Array.from({ length: 20 }, (_, i) =>
        res({
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name: `cm-${i}` },
          data: { v: String(n) },
        }),
      );
    const d = diffRenders([rendered(many(1))], [rendered(many(2))], {
      maxBytes: 500,
      fullDiff: "the workflow artifact",
    });
    const cut = d.targets[0]!.resources.filter((r) => r.cut);
    expect(cut.length).toBeGreaterThan(0);
    expect(d.cut).toEqual({
      resources: cut.length,
      lines: expect.any(Number),
      fullDiff: "the workflow artifact",
    });
    const md = renderDiffMarkdown(d);
    expect(md).toContain(`**Cut:** ${cut.length} resource diffs`);
    expect(md).toContain("the full diff is in the workflow artifact.");
  });
});

describe("renderDiffMarkdown", () => {
  it("collapses each target and fences each diff", () => {
    const md = renderDiffMarkdown(
      diffRenders([rendered([deploy(1)])], [rendered([deploy(3)])]),
    );
    expect(md).toContain(
      "<details><summary><code>kustomize:apps/web/overlays/prod</code> (prod): changed — 1 changed</summary>",
    );
    expect(md).toContain("**Deployment prod/web** changed\n\n```diff\n");
    expect(md).toContain(
      "1 target rendered; resources: 0 added, 1 changed, 0 removed",
    );
  });

  it("uses a longer fence when the diff holds backticks", () => {
    const cm = (v: string) =>
      res({
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: "a" },
        data: { v },
      });
    const md = renderDiffMarkdown(
      diffRenders([rendered([cm("x")])], [rendered([cm("```\n</details>")])]),
    );
    expect(md).toContain("````diff");
  });
});
