import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_CHART } from "../helm/testCharts.js";
import type { RenderTarget } from "../RenderTarget.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { fluxRenderer } from "./fluxRenderer.js";

const source = `  sourceRef:
    kind: GitRepository
    name: flux-system
    namespace: flux-system
`;

const FILES: Record<string, string> = {
  ...WEB_CHART,
  "clusters/prod/apps.yaml": `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: apps
  namespace: flux-system
spec:
${source}  path: ./clusters/prod/apps
  postBuild:
    substitute:
      env: prod
      replicas: "4"
`,
  "clusters/prod/apps/kustomization.yaml":
    "resources:\n  - web.yaml\n  - child.yaml\n",
  "clusters/prod/apps/web.yaml": `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: web
  namespace: web
spec:
  chart:
    spec:
      chart: ./charts/web
${source.replace(/^(?=.)/gm, "    ")}  values:
    replicas: \${replicas}
`,
  "clusters/prod/apps/child.yaml": `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: child
  namespace: flux-system
spec:
${source}  path: ./envs/\${env}
`,
  "envs/prod/cm.yaml":
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: prod-only\n",
};

describe("Flux objects applied by a Kustomization with postBuild", () => {
  let s: Scenario;
  let targets: RenderTarget[];
  beforeAll(async () => {
    s = await scenario(FILES);
    targets = await fluxRenderer.discover(await s.files(), s.ctx);
  });
  afterAll(() => s.cleanup());
  const render = (suffix: string) =>
    fluxRenderer.render(
      targets.find((t) => t.id.endsWith(suffix))!,
      s.ctx,
    );

  it("render a HelmRelease with its parent's variables", async () => {
    const out = await render("#web/web");
    expect(out.findings).toEqual([]);
    const deploy = out.resources.find((r) => r.kind === "Deployment")!;
    expect((deploy.object["spec"] as { replicas: unknown }).replicas).toBe(4);
  });

  it("count the parent's file as an input of its children", () => {
    for (const suffix of ["#web/web", "#flux-system/child"]) {
      const t = targets.find((x) => x.id.endsWith(suffix))!;
      expect(t.inputs).toContain("clusters/prod/apps.yaml");
    }
  });

  it("render a child Kustomization at its substituted path", async () => {
    const out = await render("#flux-system/child");
    expect(out.findings).toEqual([]);
    expect(out.resources.map((r) => r.name)).toEqual(["prod-only"]);
  });
});
