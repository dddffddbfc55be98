import { afterEach, describe, expect, it } from "vitest";
import { argocdRenderer } from "../argocd/argocdRenderer.js";
import { WEB_CHART } from "../helm/testCharts.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { plainRenderer } from "./plainRenderer.js";

const REPO = "https://github.com/acme/gitops";
const CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n";
const VALUES = "replicas: 3\n";
const app = (name: string, spec: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd
spec:
  destination:
    namespace: web
${spec}`;

/** A repository whose values files live outside the chart. */
const VALUES_REPO: Record<string, string> = {
  ...WEB_CHART,
  "envs/prod/cm.yaml": CM,
  "envs/prod/web.yaml": VALUES,
  "envs/prod/extra.yaml": VALUES,
  "envs/prod/podinfo.yaml": VALUES,
  "envs/prod/flux.yaml": VALUES,
  "envs/prod/chart.yaml": VALUES,
  "envs/prod/cluster.yaml": "cluster: prod\n",
  "argocd/web.yaml": app(
    "web",
    `  source:
    repoURL: ${REPO}
    path: charts/web
    helm:
      valueFiles: [../../envs/prod/web.yaml]
`,
  ),
  "argocd/multi.yaml": app(
    "multi",
    `  sources:
    - repoURL: ${REPO}
      path: charts/web
      helm:
        valueFiles: [$values/envs/prod/extra.yaml]
    - repoURL: https://stefanprodan.github.io/podinfo
      chart: podinfo
      targetRevision: 6.7.0
      helm:
        valueFiles: [$values/envs/prod/podinfo.yaml, values-prod.yaml]
    - repoURL: ${REPO}
      ref: values
`,
  ),
  "argocd/set.yaml": `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: clusters
spec:
  generators:
    - git:
        repoURL: ${REPO}
        files:
          - path: envs/*/cluster.yaml
  template:
    metadata:
      name: "web-{{cluster}}"
    spec:
      source:
        repoURL: ${REPO}
        path: charts/web
      destination:
        namespace: web
`,
  "clusters/prod/web.yaml": `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: web
  namespace: flux-system
spec:
  chart:
    spec:
      chart: ./charts/web
      sourceRef:
        kind: GitRepository
        name: flux-system
      valuesFiles: [envs/prod/flux.yaml]
`,
  "clusters/prod/chart.yaml": `apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmChart
metadata:
  name: web
  namespace: flux-system
spec:
  chart: ./charts/web
  sourceRef:
    kind: GitRepository
    name: flux-system
  valuesFiles: [envs/prod/chart.yaml]
`,
};

/** Tool and CI files that are YAML but never manifests. */
const TOOL_FILES: Record<string, string> = {
  "docker-compose.yml": "services:\n  web:\n    image: nginx\n",
  "mkdocs.yml": "site_name: ops\n",
  "Taskfile.yml": "version: '3'\n",
  "azure-pipelines.yml": "trigger: [main]\n",
  "kustomizeconfig/images.yaml": "images:\n  - path: spec/image\n",
  "ci/lint.yaml": "# +argocd:skip-file-rendering\napiVersion: v1\nkind: Lint\n",
  "apps/web/kustomization.yaml":
    "resources:\n  - cm.yaml\nconfigurations:\n  - ../../config/refs.yaml\n",
  "apps/web/cm.yaml": CM,
  "config/refs.yaml": "nameReference:\n  - kind: ConfigMap\n",
  "plain/cm.yaml": CM,
};

let s: Scenario | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

async function plainInputs(files: Record<string, string>): Promise<string[]> {
  s = await scenario(files, { argocd: { repoURLs: [REPO] } });
  const targets = await plainRenderer.discover(await s.files(), s.ctx);
  return targets.flatMap((t) => t.inputs).sort();
}

describe("plain manifests leave out YAML that is not a manifest", () => {
  it("values files that apps name, wherever they live", async () => {
    expect(await plainInputs(VALUES_REPO)).toEqual([
      "argocd/multi.yaml",
      "argocd/set.yaml",
      "argocd/web.yaml",
      "clusters/prod/chart.yaml",
      "clusters/prod/web.yaml",
      "envs/prod/cm.yaml",
    ]);
  });

  it("a values file outside the chart still re-renders its apps", async () => {
    s = await scenario(VALUES_REPO, { argocd: { repoURLs: [REPO] } });
    const targets = await argocdRenderer.discover(await s.files(), s.ctx);
    const using = (file: string) =>
      targets.filter((t) => t.inputs.includes(file)).map((t) => t.id);
    expect(using("envs/prod/web.yaml")).toEqual(["argocd:argocd/web.yaml#web"]);
    // Also when the chart it configures comes from a Helm repository.
    expect(using("envs/prod/podinfo.yaml")).toEqual([
      "argocd:argocd/multi.yaml#multi",
    ]);
    expect(using("envs/prod/cluster.yaml")).toEqual([
      "argocd:argocd/set.yaml#clusters/web-prod",
    ]);
  });

  it("tool configs, kustomize configs and files marked for Argo CD to skip", async () => {
    expect(await plainInputs(TOOL_FILES)).toEqual([
      "ci/lint.yaml",
      "plain/cm.yaml",
    ]);
    const ci = (await plainRenderer.discover(await s!.files(), s!.ctx)).find(
      (t) => t.id === "plain:ci",
    )!;
    const out = await plainRenderer.render(ci, s!.ctx);
    expect([out.resources, out.findings]).toEqual([[], []]);
  });
});

describe("files a Flux Kustomization deploys as they are", () => {
  const secret = (name: string) =>
    "apiVersion: v1\nkind: Secret\nmetadata:\n" +
    `  name: ${name}\nstringData:\n  password: "\${DB_PASSWORD}"\n`;
  const FLUX: Record<string, string> = {
    "clusters/prod/app.yaml":
      "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n" +
      "metadata: {name: app, namespace: flux-system}\nspec:\n" +
      "  path: ./apps/x\n  sourceRef: {kind: GitRepository, name: flux-system}\n" +
      "  postBuild:\n    substitute: {DB_PASSWORD: from-flux}\n",
    "apps/x/secret.yaml": secret("db"),
    "apps/x/again.yaml": `${secret("db")}---\n${CM}`,
  };

  it("are listed for the gate, which leaves them to the app", async () => {
    s = await scenario(FLUX);
    const [plain] = (
      await plainRenderer.discover(await s.files(), s.ctx)
    ).filter((t) => t.path === "apps/x");
    expect(plain?.options).toEqual({
      appRendered: ["apps/x/again.yaml", "apps/x/secret.yaml"],
    });
    const out = await plainRenderer.render(plain!, s.ctx);
    expect(out.resources.map((r) => r.name)).toEqual(["db", "a", "db"]);
  });
});
