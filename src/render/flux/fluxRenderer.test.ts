import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { WEB_CHART } from "../helm/testCharts.js";
import type { RenderTarget } from "../RenderTarget.js";
import { findTools } from "../sandbox/findTools.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { fluxRenderer } from "./fluxRenderer.js";
import { webRelease } from "../testing/webRelease.js";

const ks = (
  name: string,
  spec: string,
) => `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${name}
  namespace: flux-system
spec:
  interval: 10m
  sourceRef:
    kind: GitRepository
    name: flux-system
${spec}`;

const FILES: Record<string, string> = {
  ...WEB_CHART,
  "kustomize/base/kustomization.yaml": "resources:\n  - cm.yaml\n",
  "kustomize/base/cm.yaml":
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  env: ${ENV}\n  region: ${REGION:=eu}\n  zone: ${ZONE}\n  replicas: "${N}"\n',
  "kustomize/prod/kustomization.yaml": "resources:\n  - ../base\n",
  "plain/a.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n",
  "clusters/prod/vars.yaml":
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: vars\n  namespace: flux-system\ndata:\n  ZONE: z1\n  ENV: from-cm\n",
  "clusters/prod/apps.yaml": ks(
    "apps",
    `  path: ./kustomize/prod
  targetNamespace: prod
  postBuild:
    substitute:
      ENV: prod
      N: "3"
    substituteFrom:
      - kind: ConfigMap
        name: vars
`,
  ),
  "clusters/prod/plain.yaml": ks(
    "plain",
    "  path: ./plain\n  namePrefix: p-\n",
  ),
  "clusters/prod/other.yaml": ks("other", "  path: ./x\n").replace(
    "name: flux-system\n  path",
    "name: other\n  path",
  ),
  "clusters/prod/web.yaml": webRelease(
    "web",
    "      # As in Flux, these replace the chart's values.yaml: list it first.\n" +
      "      valuesFiles:\n" +
      "        - charts/web/values.yaml\n" +
      "        - charts/web/values-prod.yaml\n",
    "  values:\n    replicas: 5\n",
  ),
};

describe("fluxRenderer", () => {
  let s: Scenario;
  let targets: RenderTarget[];
  beforeAll(async () => {
    s = await scenario(FILES);
    targets = await fluxRenderer.discover(await s.files(), s.ctx);
  });
  afterAll(() => s.cleanup());
  const byId = (id: string) => targets.find((t) => t.id === id)!;
  const tools = findTools();
  const raw = (cmd: { command: string; args: string[] }, args: string[]) =>
    parseAllDocuments(
      execFileSync(cmd.command, [...cmd.args, ...args], { encoding: "utf8" }),
    )
      .map((d) => d.toJS())
      .filter(Boolean);

  it("finds Kustomizations and HelmReleases with their inputs", () => {
    expect(targets.map((t) => t.id).sort()).toEqual([
      "flux:clusters/prod/apps.yaml#flux-system/apps",
      "flux:clusters/prod/other.yaml#flux-system/other",
      "flux:clusters/prod/plain.yaml#flux-system/plain",
      "flux:clusters/prod/web.yaml#web/web",
    ]);
    const apps = byId("flux:clusters/prod/apps.yaml#flux-system/apps");
    expect(apps.inputs).toEqual([
      "clusters/prod/apps.yaml",
      "clusters/prod/vars.yaml",
      "kustomize/base/cm.yaml",
      "kustomize/base/kustomization.yaml",
      "kustomize/prod/kustomization.yaml",
    ]);
  });

  it("renders a Kustomization as kustomize build plus targetNamespace and substitution", async () => {
    const out = await fluxRenderer.render(
      byId("flux:clusters/prod/apps.yaml#flux-system/apps"),
      s.ctx,
    );
    expect(out.findings).toEqual([]);
    const [built] = raw(tools.kustomize!, [`${s.dir}/kustomize/prod`]);
    expect(out.resources.map((r) => r.object)).toEqual([
      {
        ...built,
        metadata: { name: "cfg", namespace: "prod" },
        // As in Flux: kustomize drops the quotes around "${N}", so the
        // substituted value becomes a number.
        data: { env: "prod", region: "eu", zone: "z1", replicas: 3 },
      },
    ]);
    expect(out.resources[0]!.namespace).toBe("prod");
    expect(out.resources[0]!.locate(["data", "zone"])).toEqual({
      path: "kustomize/base/cm.yaml",
      line: 8,
    });
  });

  it("generates a kustomization for a plain directory", async () => {
    const out = await fluxRenderer.render(
      byId("flux:clusters/prod/plain.yaml#flux-system/plain"),
      s.ctx,
    );
    expect(out.findings).toEqual([]);
    expect(out.resources.map((r) => [r.name, r.source])).toEqual([
      ["p-plain", { path: "plain/a.yaml", line: 1 }],
    ]);
  });

  it("renders a HelmRelease as helm template does", async () => {
    const out = await fluxRenderer.render(
      byId("flux:clusters/prod/web.yaml#web/web"),
      s.ctx,
    );
    expect(out.findings).toEqual([]);
    const expected = raw(tools.helm!, [
      "template",
      "web",
      `${s.dir}/charts/web`,
      "--namespace",
      "web",
      "--kube-version",
      "1.33.0",
      "--include-crds",
      "-f",
      `${s.dir}/charts/web/values-prod.yaml`,
      "--set",
      "replicas=5",
    ]);
    expect(out.resources.map((r) => r.object)).toEqual(expected);
    const deploy = out.resources.find((r) => r.kind === "Deployment")!;
    const image = ["spec", "template", "spec", "containers", 0, "image"];
    const cases: [(string | number)[], string, number][] = [
      [["spec", "replicas"], "clusters/prod/web.yaml", 19],
      [image, "charts/web/values-prod.yaml", 3],
    ];
    for (const [field, path, line] of cases) {
      expect(deploy.locate(field), field.join(".")).toEqual({ path, line });
    }
  });

  it("notes a Kustomization of another source", async () => {
    const out = await fluxRenderer.render(
      byId("flux:clusters/prod/other.yaml#flux-system/other"),
      s.ctx,
    );
    expect(out.resources).toEqual([]);
    expect(out.findings.map((f) => [f.severity, f.location])).toEqual([
      ["notice", { path: "clusters/prod/other.yaml", line: 8 }],
    ]);
  });
});
