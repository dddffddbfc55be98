import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Location } from "../../findings/finding.js";
import type { Resource } from "../../manifests/Resource.js";
import type { Renderer } from "../Renderer.js";
import { argocdRenderer } from "../argocd/argocdRenderer.js";
import { fluxRenderer } from "../flux/fluxRenderer.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { EQUAL_VALUES_NOTE } from "./valuesByEquality.js";

const REPO = "https://github.com/acme/gitops.git";

/** A chart that copies values blocks with `toYaml`, as `helm create` does. */
const CHART: Record<string, string> = {
  "charts/app/Chart.yaml": "apiVersion: v2\nname: app\nversion: 1.0.0\n",
  "charts/app/values.yaml":
    "securityContext: {}\npod:\n  annotations: {}\nresources: {}\n",
  "charts/app/values-prod.yaml": `securityContext:
  privileged: true
pod:
  annotations:
    team: shop
resources:
  limits:
    cpu: "1"
`,
  "charts/app/templates/deployment.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    metadata:
      {{- with .Values.pod.annotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      containers:
        - name: app
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
          resources: {{- toYaml .Values.resources | nindent 12 }}
`,
};

const FILES: Record<string, string> = {
  ...CHART,
  "clusters/app.yaml": `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: app
  namespace: app
spec:
  chart:
    spec:
      chart: ./charts/app
      sourceRef:
        kind: GitRepository
        name: flux-system
        namespace: flux-system
      valuesFiles:
        - charts/app/values.yaml
        - charts/app/values-prod.yaml
  values:
    resources:
      limits:
        memory: 1Gi
`,
  "argocd/app.yaml": `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: app
  namespace: argocd
spec:
  project: default
  destination:
    namespace: app
    server: https://kubernetes.default.svc
  source:
    repoURL: ${REPO}
    path: charts/app
    helm:
      valuesObject:
        securityContext:
          privileged: true
`,
  "argocd/str.yaml": `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: str
  namespace: argocd
spec:
  project: default
  destination:
    namespace: app
    server: https://kubernetes.default.svc
  source:
    repoURL: ${REPO}
    path: charts/app
    helm:
      values: |
        securityContext:
          privileged: true
`,
};

const C = ["spec", "template", "spec", "containers", 0];

describe("Helm values copied as blocks", () => {
  let s: Scenario;
  const render = async (renderer: Renderer, id: string): Promise<Resource> => {
    const targets = await renderer.discover(await s.files(), s.ctx);
    const target = targets.find((t) => t.id.includes(id))!;
    const out = await renderer.render(target, s.ctx);
    expect(out.findings).toEqual([]);
    return out.resources.find((r) => r.kind === "Deployment")!;
  };
  beforeAll(async () => {
    s = await scenario(FILES, { argocd: { repoURLs: [REPO] } });
  });
  afterAll(() => s.cleanup());

  it("points fields under toYaml at the values line (Flux)", async () => {
    const deploy = await render(fluxRenderer, "clusters/app.yaml");
    const prod = "charts/app/values-prod.yaml";
    const cases: [(string | number)[], Location][] = [
      [[...C, "securityContext", "privileged"], { path: prod, line: 2 }],
      [[...C, "resources", "limits", "cpu"], { path: prod, line: 8 }],
      [
        [...C, "resources", "limits", "memory"],
        { path: "clusters/app.yaml", line: 20 },
      ],
      [
        ["spec", "template", "metadata", "annotations", "team"],
        { path: prod, line: 5, approximate: EQUAL_VALUES_NOTE },
      ],
    ];
    for (const [field, at] of cases) {
      expect(deploy.locate(field), field.join(".")).toEqual(at);
    }
  });

  it("points fields under toYaml at Argo CD's valuesObject and values", async () => {
    for (const file of ["argocd/app.yaml", "argocd/str.yaml"]) {
      const deploy = await render(argocdRenderer, file);
      const field = [...C, "securityContext", "privileged"];
      expect(deploy.locate(field), file).toEqual({ path: file, line: 17 });
    }
  });
});
