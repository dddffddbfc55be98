import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Resource } from "../../manifests/Resource.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { kustomizeRenderer } from "../kustomize/kustomizeRenderer.js";

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
`;

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
`;

const REPO = {
  "base/kustomization.yaml": "resources:\n  - svc.yaml\n  - deploy.yaml\n",
  "base/svc.yaml": SVC,
  "base/deploy.yaml": DEPLOY,
  "o/kustomization.yaml": `resources:
  - ../base
components:
  - ../comp
namePrefix: prod-
patches:
  - path: svc-json6902.yaml
    target:
      kind: Service
      name: web
  - target:
      kind: Service
    patch: |-
      - op: add
        path: /spec/type
        value: NodePort
  - target:
      kind: Deployment
    patch: '[{"op": "replace", "path": "/spec/replicas", "value": 3}]'
  - patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        paused: true
`,
  "o/svc-json6902.yaml": `- op: replace
  path: /spec/ports/0/port
  value: eighty
- op: add
  path: /metadata/labels
  value:
    tier: front
`,
  "comp/kustomization.yaml": `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
patchesJson6902:
  - target:
      version: v1
      kind: Service
      name: web
    patch: |-
      - op: add
        path: /spec/clusterIP
        value: None
`,
};

describe("kustomize patches", () => {
  let s: Scenario;
  let out: Resource[];
  beforeAll(async () => {
    s = await scenario(REPO);
    const targets = await kustomizeRenderer.discover(await s.files(), s.ctx);
    const o = targets.find((t) => t.path === "o")!;
    const rendered = await kustomizeRenderer.render(o, s.ctx);
    expect(rendered.findings).toEqual([]);
    out = rendered.resources;
  });
  afterAll(() => s.cleanup());

  it.each<[string, (string | number)[], string, number]>([
    ["Service", ["spec", "ports", 0, "port"], "o/svc-json6902.yaml", 3],
    ["Service", ["metadata", "labels", "tier"], "o/svc-json6902.yaml", 7],
    ["Service", ["metadata", "labels"], "o/svc-json6902.yaml", 6],
    ["Service", ["spec", "type"], "o/kustomization.yaml", 16],
    ["Service", ["spec", "clusterIP"], "comp/kustomization.yaml", 11],
    ["Service", ["spec", "ports", 0], "base/svc.yaml", 7],
    ["Deployment", ["spec", "replicas"], "o/kustomization.yaml", 19],
    ["Deployment", ["spec", "paused"], "o/kustomization.yaml", 26],
    ["Deployment", ["metadata", "name"], "o/kustomization.yaml", 5],
  ])("locates %s %j on %s:%d", (kind, field, path, line) => {
    const r = out.find((x) => x.kind === kind)!;
    expect(r.locate(field)).toEqual({ path, line });
  });
});
