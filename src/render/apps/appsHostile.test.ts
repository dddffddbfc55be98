import { afterEach, describe, expect, it } from "vitest";
import { argocdRenderer } from "../argocd/argocdRenderer.js";
import { fluxRenderer } from "../flux/fluxRenderer.js";
import type { Renderer } from "../Renderer.js";
import { scenario, type Scenario } from "../testing/scenario.js";

const REPO = "https://github.com/acme/gitops";
let s: Scenario | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

const argo = (source: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: evil
spec:
  source:
    repoURL: ${REPO}
${source}`;

const flux = (path: string) => `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: evil
  namespace: flux-system
spec:
  path: ${path}
  sourceRef:
    kind: GitRepository
    name: flux-system
`;

const cases: {
  name: string;
  renderer: Renderer;
  file: string;
  severity: string;
  message: string;
  line: number;
}[] = [
  {
    name: "an Argo CD path outside the repository",
    renderer: argocdRenderer,
    file: argo("    path: ../../../etc\n"),
    severity: "error",
    message:
      'path "../../../etc" leaves the repository; refused before rendering',
    line: 8,
  },
  {
    name: "an Argo CD config management plugin",
    renderer: argocdRenderer,
    file: argo("    path: app\n    plugin:\n      name: evil\n"),
    severity: "notice",
    message:
      "config management plugins never run in the gate; this source is not rendered",
    line: 9,
  },
  {
    name: "an Argo CD Helm chart from a chart repository",
    renderer: argocdRenderer,
    file: argo("    chart: evil\n    targetRevision: 1.0.0\n").replace(
      REPO,
      "https://charts.evil.example",
    ),
    severity: "notice",
    message:
      'Helm chart "evil" from https://charts.evil.example was not fetched; this source is not rendered',
    line: 8,
  },
  {
    name: "a Flux path outside the repository",
    renderer: fluxRenderer,
    file: flux("../../etc"),
    severity: "error",
    message: 'path "../../etc" leaves the repository; refused before rendering',
    line: 7,
  },
];

describe("hostile Argo CD and Flux objects", () => {
  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      s = await scenario(
        {
          "apps/evil.yaml": c.file,
          "app/cm.yaml":
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
        },
        { argocd: { repoURLs: [REPO] } },
      );
      const [target] = await c.renderer.discover(await s.files(), s.ctx);
      const out = await c.renderer.render(target!, s.ctx);
      expect(out.resources).toEqual([]);
      expect(out.ok).toBe(c.severity !== "error");
      expect(
        out.findings.map((f) => [f.severity, f.message, f.location]),
      ).toEqual([
        [c.severity, c.message, { path: "apps/evil.yaml", line: c.line }],
      ]);
    });
  }
});
