import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_CHART } from "../helm/testCharts.js";
import type { RenderTarget } from "../RenderTarget.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { fluxRenderer } from "./fluxRenderer.js";
import { webRelease } from "../testing/webRelease.js";

const HR = webRelease(
  "web",
  "",
  `  postRenderers:
    - kustomize:
        patches:
          - target:
              kind: Deployment
            patch: |
              - op: add
                path: /metadata/annotations
                value:
                  patched: "yes"
        images:
          - name: nginx
            newTag: "1.29"
    - kustomize:
        patches:
          - patch: |
              apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: web-web
              spec:
                replicas: 7
`,
);

describe("Flux HelmRelease postRenderers", () => {
  let s: Scenario;
  let target: RenderTarget;
  beforeAll(async () => {
    s = await scenario({ ...WEB_CHART, "clusters/web.yaml": HR });
    const found = await fluxRenderer.discover(await s.files(), s.ctx);
    target = found[0]!;
  });
  afterAll(() => s.cleanup());

  it("applies kustomize patches and images in order, keeping helm's lines", async () => {
    const out = await fluxRenderer.render(target, s.ctx);
    expect(out.findings).toEqual([]);
    const deploy = out.resources.find((r) => r.kind === "Deployment")!;
    const spec = deploy.object["spec"] as {
      replicas: number;
      template: { spec: { containers: { image: string }[] } };
    };
    expect(deploy.object["metadata"]).toMatchObject({
      name: "web-web",
      annotations: { patched: "yes" },
    });
    expect(spec.replicas).toBe(7);
    expect(spec.template.spec.containers[0]!.image).toBe("nginx:1.29");
    const image = ["spec", "template", "spec", "containers", 0, "image"];
    // On the post-renderers' patch lines in the HelmRelease.
    expect(deploy.locate(["spec", "replicas"])).toEqual({
      path: "clusters/web.yaml",
      line: 35,
    });
    expect(deploy.locate(["kind"]).path).toBe(
      "charts/web/templates/deployment.yaml",
    );
    expect(deploy.locate(image).path).toBe("clusters/web.yaml");
    expect(out.resources.map((r) => r.kind).sort()).toEqual([
      "Deployment",
      "Service",
    ]);
  });
});
