import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RenderTarget } from "../RenderTarget.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { argocdRenderer } from "./argocdRenderer.js";

const REPO = "https://github.com/acme/gitops.git";
const app = (name: string, source: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd
spec:
  project: default
  destination:
    namespace: web
  source:
    repoURL: ${REPO}
${source}`;

const FILES: Record<string, string> = {
  "charts/cfg/Chart.yaml": "apiVersion: v2\nname: cfg\nversion: 1.0.0\n",
  "charts/cfg/values.yaml": "script: none\n",
  "charts/cfg/templates/cm.yaml":
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  script: {{ .Values.script | quote }}\n",
  "charts/cfg/files/run.sh": "echo hi\n",
  "jsonnet/a.yaml":
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n",
  "jsonnet/b.jsonnet": "{ apiVersion: 'v1', kind: 'ConfigMap' }\n",
  "apps/files.yaml": app(
    "files",
    "    path: charts/cfg\n    helm:\n      fileParameters:\n        - name: script\n          path: files/run.sh\n",
  ),
  "apps/params.yaml": app(
    "params",
    "    path: charts/cfg\n    helm:\n      parameters:\n        - name: script\n          value: a,b\n",
  ),
  "apps/escape.yaml": app(
    "escape",
    "    path: charts/cfg\n    helm:\n      fileParameters:\n        - name: script\n          path: ../../../etc/passwd\n",
  ),
  "apps/jsonnet.yaml": app("jsonnet", "    path: jsonnet\n"),
  "kust/kustomization.yaml": "resources:\n  - deploy.yaml\n",
  "kust/deploy.yaml":
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n",
  "apps/kust.yaml": app(
    "kust",
    '    path: kust\n    kustomize:\n      labelWithoutSelector: true\n      commonLabels:\n        team: a\n      replicas:\n        - name: web\n          count: "4"\n',
  ),
  ...Object.fromEntries(
    [
      ["url", "https://example.com/values.yaml"],
      ["up", "../../../etc/passwd"],
      ["noref", "$nope/values.yaml"],
    ].map(([name, file]) => [
      `apps/${name}.yaml`,
      app(
        name!,
        `    path: charts/cfg\n    helm:\n      valueFiles:\n        - ${file}\n`,
      ),
    ]),
  ),
};

describe("Argo CD source options", () => {
  let s: Scenario;
  let targets: RenderTarget[];
  beforeAll(async () => {
    s = await scenario(FILES, { argocd: { repoURLs: [REPO] } });
    targets = await argocdRenderer.discover(await s.files(), s.ctx);
  });
  afterAll(() => s.cleanup());
  const byName = (name: string) =>
    targets.find((t) => t.id.includes(`apps/${name}.yaml`))!;

  it("passes helm.fileParameters to helm as --set-file", async () => {
    const t = byName("files");
    expect(t.inputs).toContain("charts/cfg/files/run.sh");
    const out = await argocdRenderer.render(t, s.ctx);
    expect(out.findings).toEqual([]);
    expect(out.resources[0]!.object["data"]).toEqual({ script: "echo hi\n" });
  });

  it("keeps commas in a Helm parameter value, as Argo CD escapes them", async () => {
    const out = await argocdRenderer.render(byName("params"), s.ctx);
    expect(out.findings).toEqual([]);
    expect(out.resources[0]!.object["data"]).toEqual({ script: "a,b" });
  });

  it("refuses a fileParameters path that leaves the repository", async () => {
    const out = await argocdRenderer.render(byName("escape"), s.ctx);
    expect(out.ok).toBe(false);
    expect(out.findings.map((f) => f.message)).toEqual([
      'fileParameters path "../../../etc/passwd" leaves the repository; refused before rendering',
    ]);
  });

  const valueFileCases: [string, string, string][] = [
    [
      "url",
      "notice",
      'values file "https://example.com/values.yaml" is remote and was not fetched; this source is not rendered',
    ],
    [
      "up",
      "error",
      'values file "../../../etc/passwd" leaves the repository; refused before rendering',
    ],
    [
      "noref",
      "error",
      'values file "$nope/values.yaml" names ref "nope", which no source of this Application has',
    ],
  ];
  for (const [name, severity, message] of valueFileCases) {
    it(`explains the values file of app ${name}`, async () => {
      const out = await argocdRenderer.render(byName(name), s.ctx);
      expect(out.ok).toBe(severity !== "error");
      expect(out.findings.map((f) => [f.severity, f.message])).toEqual([
        [severity, message],
      ]);
    });
  }

  it("applies kustomize labelWithoutSelector and string replica counts", async () => {
    const out = await argocdRenderer.render(byName("kust"), s.ctx);
    expect(out.findings).toEqual([]);
    expect(out.resources[0]!.object).toMatchObject({
      metadata: { labels: { team: "a" } },
      spec: {
        replicas: 4,
        selector: { matchLabels: { app: "web" } },
        template: { metadata: { labels: { app: "web" } } },
      },
    });
    const spec = out.resources[0]!.object["spec"] as Record<string, unknown>;
    expect(JSON.stringify(spec)).not.toContain("team");
  });

  it("says that Jsonnet files of a directory source are not evaluated", async () => {
    const t = byName("jsonnet");
    expect(t.inputs).toContain("jsonnet/b.jsonnet");
    const out = await argocdRenderer.render(t, s.ctx);
    expect(out.resources.map((r) => r.name)).toEqual(["plain"]);
    expect(out.findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "notice",
        "Jsonnet files are not evaluated by the gate; their resources are not checked: jsonnet/b.jsonnet",
      ],
    ]);
  });
});
