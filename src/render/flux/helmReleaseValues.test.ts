import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_CHART } from "../helm/testCharts.js";
import type { RenderTarget } from "../RenderTarget.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { fluxRenderer } from "./fluxRenderer.js";
import { webRelease } from "../testing/webRelease.js";

const hr = (name: string, chartSpec: string) => webRelease(name, chartSpec);

describe("Flux HelmRelease valuesFiles", () => {
  let s: Scenario;
  let targets: RenderTarget[];
  beforeAll(async () => {
    s = await scenario({
      ...WEB_CHART,
      "clusters/only-prod.yaml": hr(
        "only-prod",
        "      valuesFiles:\n        - charts/web/values-prod.yaml\n",
      ),
      "clusters/secret.yaml": hr(
        "secret",
        "      valuesFiles:\n        - charts/web/values.yaml\n",
      ).concat(
        "  valuesFrom:\n    - kind: Secret\n      name: tags\n      valuesKey: tag\n      targetPath: image.tag\n" +
          "    - kind: Secret\n      name: tags\n      valuesKey: values.yaml\n",
      ),
      "clusters/tags.yaml":
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tags\n  namespace: web\n" +
        "stringData:\n  tag: hunter22\n  values.yaml: |\n    image:\n      repository: reg.example/s3cret-repo\n",
      "clusters/escape.yaml": hr(
        "escape",
        "      valuesFiles:\n        - ../../etc/passwd\n",
      ),
      "clusters/missing.yaml": hr(
        "missing",
        "      ignoreMissingValuesFiles: true\n      valuesFiles:\n        - charts/web/values-gone.yaml\n",
      ),
    });
    targets = await fluxRenderer.discover(await s.files(), s.ctx);
  });
  afterAll(() => s.cleanup());
  const image = async (name: string) => {
    const t = targets.find((x) => x.id.endsWith(`#web/${name}`))!;
    const out = await fluxRenderer.render(t, s.ctx);
    expect(out.findings).toEqual([]);
    const d = out.resources.find((r) => r.kind === "Deployment")!;
    const spec = d.object["spec"] as {
      replicas: number;
      template: { spec: { containers: { image: string }[] } };
    };
    return [spec.replicas, spec.template.spec.containers[0]!.image];
  };

  it("replace the chart's values.yaml, as source-controller packages it", async () => {
    // values.yaml (repository: nginx) is not listed, so it does not apply.
    expect(await image("only-prod")).toEqual([3, ":1.27"]);
  });

  it("refuse a values file outside the repository", async () => {
    const t = targets.find((x) => x.id.endsWith("#web/escape"))!;
    const out = await fluxRenderer.render(t, s.ctx);
    expect(out.ok).toBe(false);
    expect(out.findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "error",
        'values file "../../etc/passwd" leaves the repository; refused before rendering',
      ],
    ]);
  });

  it("mask values from a Secret wherever the chart copies them", async () => {
    expect(await image("secret")).toEqual([1, "<masked>:<masked>"]);
  });

  it("skip missing files with ignoreMissingValuesFiles", async () => {
    expect(await image("missing")).toEqual([1, "nginx:1.25"]);
  });
});
