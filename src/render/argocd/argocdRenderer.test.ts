import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { WEB_CHART } from "../helm/testCharts.js";
import type { RenderTarget } from "../RenderTarget.js";
import { findTools } from "../sandbox/findTools.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { argocdRenderer } from "./argocdRenderer.js";
import { helmRenderer } from "../helm/helmRenderer.js";
import { kustomizeRenderer } from "../kustomize/kustomizeRenderer.js";
import { plainRenderer } from "../plain/plainRenderer.js";

const REPO = "https://github.com/acme/gitops.git";
const app = (name: string, spec: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd
spec:
  project: default
  destination:
    namespace: web
    server: https://kubernetes.default.svc
${spec}`;

const FILES: Record<string, string> = {
  ...WEB_CHART,
  "kustomize/base/kustomization.yaml": "resources:\n  - cm.yaml\n",
  "kustomize/base/cm.yaml":
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: b\n",
  "kustomize/prod/kustomization.yaml": "resources:\n  - ../base\n",
  "plain/a.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n",
  "apps/kust.yaml": app(
    "kust",
    `  source:
    repoURL: ${REPO}
    path: kustomize/prod
    kustomize:
      namePrefix: prod-
`,
  ),
  "apps/helm.yaml": app(
    "helm",
    `  source:
    repoURL: git@github.com:acme/gitops.git
    path: charts/web
    helm:
      releaseName: web
      valueFiles:
        - values-prod.yaml
`,
  ),
  "apps/multi.yaml": app(
    "multi",
    `  sources:
    - repoURL: https://github.com/acme/gitops
      path: charts/web
      helm:
        valueFiles:
          - $vals/charts/web/values-prod.yaml
    - repoURL: https://github.com/acme/gitops
      ref: vals
    - repoURL: https://github.com/other/repo.git
      path: x
`,
  ),
  "apps/set.yaml": `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: dirs
spec:
  generators:
    - git:
        repoURL: ${REPO}
        directories:
          - path: kustomize/*
          - path: kustomize/base
            exclude: true
    - list:
        elements:
          - path: plain
            path.basename: plain
  template:
    metadata:
      name: "gen-{{path.basename}}"
    spec:
      project: default
      source:
        repoURL: ${REPO}
        path: "{{path}}"
      destination:
        namespace: web
`,
  "apps/matrix.yaml": `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: mx
spec:
  goTemplate: true
  generators:
    - matrix:
        generators:
          - git:
              repoURL: ${REPO}
              directories:
                - path: kustomize/*
                - path: kustomize/base
                  exclude: true
          - list:
              elements:
                - env: a
                - env: "{{.path.basename}}-b"
  template:
    metadata:
      name: "m-{{.path.basename}}-{{.env}}"
    spec:
      project: default
      source:
        repoURL: ${REPO}
        path: "{{.path.path}}"
      destination:
        namespace: web
`,
};

describe("argocdRenderer", () => {
  let s: Scenario;
  let targets: RenderTarget[];
  beforeAll(async () => {
    s = await scenario(FILES, { argocd: { repoURLs: [REPO] } });
    targets = await argocdRenderer.discover(await s.files(), s.ctx);
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

  it("finds written and generated Applications", () => {
    expect(targets.map((t) => t.id).sort()).toEqual([
      "argocd:apps/helm.yaml#helm",
      "argocd:apps/kust.yaml#kust",
      "argocd:apps/matrix.yaml#mx/m-prod-a",
      "argocd:apps/matrix.yaml#mx/m-prod-prod-b",
      "argocd:apps/multi.yaml#multi",
      "argocd:apps/set.yaml#dirs/gen-plain",
      "argocd:apps/set.yaml#dirs/gen-prod",
    ]);
  });

  it("leaves kustomizations and charts that apps render to the apps", async () => {
    const files = await s.files();
    const others = [kustomizeRenderer, helmRenderer, plainRenderer];
    const ids = [];
    for (const r of others)
      ids.push(...(await r.discover(files, s.ctx)).map((t) => t.id));
    expect(ids.sort()).toEqual(["plain:apps", "plain:plain"]);
  });

  it("lists transitive inputs", () => {
    const cases: [string, string[]][] = [
      [
        "kustomize/base/cm.yaml",
        [
          "argocd:apps/kust.yaml#kust",
          "argocd:apps/matrix.yaml#mx/m-prod-a",
          "argocd:apps/matrix.yaml#mx/m-prod-prod-b",
          "argocd:apps/set.yaml#dirs/gen-prod",
        ],
      ],
      [
        "charts/web/values-prod.yaml",
        ["argocd:apps/helm.yaml#helm", "argocd:apps/multi.yaml#multi"],
      ],
      ["plain/a.yaml", ["argocd:apps/set.yaml#dirs/gen-plain"]],
    ];
    for (const [file, ids] of cases) {
      expect(
        targets
          .filter((t) => t.inputs.includes(file))
          .map((t) => t.id)
          .sort(),
        file,
      ).toEqual(ids);
    }
  });

  it("renders a Helm Application as helm template does", async () => {
    const out = await argocdRenderer.render(
      byId("argocd:apps/helm.yaml#helm"),
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
    ]);
    expect(out.resources.map((r) => r.object)).toEqual(expected);
    const deploy = out.resources.find((r) => r.kind === "Deployment")!;
    const image = ["spec", "template", "spec", "containers", 0, "image"];
    expect(deploy.locate(image)).toEqual({
      path: "charts/web/values-prod.yaml",
      line: 3,
    });
    expect(deploy.locate(["spec", "replicas"])).toEqual({
      path: "charts/web/values-prod.yaml",
      line: 1,
    });
  });

  it("renders a kustomize Application as kustomize build does, with its options", async () => {
    const out = await argocdRenderer.render(
      byId("argocd:apps/kust.yaml#kust"),
      s.ctx,
    );
    expect(out.findings).toEqual([]);
    const expected = raw(tools.kustomize!, [`${s.dir}/kustomize/prod`]);
    const named = (o: { metadata: { name: string } }) => ({
      ...o,
      metadata: { ...o.metadata, name: `prod-${o.metadata.name}` },
    });
    expect(out.resources.map((r) => r.object)).toEqual(expected.map(named));
    expect(out.resources[0]!.locate(["data", "a"])).toEqual({
      path: "kustomize/base/cm.yaml",
      line: 6,
    });
    // namePrefix comes from the Application's kustomize options.
    expect(out.resources[0]!.locate(["metadata", "name"])).toEqual({
      path: "apps/kust.yaml",
      line: 1,
    });
  });

  it("renders multi-source with $ref values and notes the other repository", async () => {
    const out = await argocdRenderer.render(
      byId("argocd:apps/multi.yaml#multi"),
      s.ctx,
    );
    expect(out.ok).toBe(true);
    expect(out.resources.map((r) => `${r.kind}/${r.name}`)).toEqual([
      "Service/multi-web",
      "Deployment/multi-web",
    ]);
    expect(out.findings.map((f) => [f.ruleId, f.severity, f.location])).toEqual(
      [
        [
          "render/not-rendered",
          "notice",
          { path: "apps/multi.yaml", line: 19 },
        ],
      ],
    );
  });

  it("renders generated Applications", async () => {
    const out = await argocdRenderer.render(
      byId("argocd:apps/set.yaml#dirs/gen-plain"),
      s.ctx,
    );
    expect(out.resources.map((r) => [r.name, r.source])).toEqual([
      ["plain", { path: "plain/a.yaml", line: 1 }],
    ]);
  });

  it("renders Applications a matrix generates", async () => {
    const out = await argocdRenderer.render(
      byId("argocd:apps/matrix.yaml#mx/m-prod-prod-b"),
      s.ctx,
    );
    expect(out.findings).toEqual([]);
    expect(out.resources.map((r) => [r.name, r.source])).toEqual([
      ["cfg", { path: "kustomize/base/cm.yaml", line: 1 }],
    ]);
  });
});
