import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { findTools } from "../sandbox/findTools.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { kustomizeRenderer } from "./kustomizeRenderer.js";
import { GENERATED } from "../locate/kustomizeLocator.js";

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.25
          ports:
            - containerPort: 80
`;

const overlay = (extra = "") => `resources:
  - ../../base
namePrefix: env-
${extra}`;

const PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

const REPO = {
  "apps/web/base/kustomization.yaml":
    "resources:\n  - deployment.yaml\n  - service.yaml\n",
  "apps/web/base/deployment.yaml": DEPLOY,
  "apps/web/base/service.yaml":
    "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n",
  "apps/web/overlays/dev/kustomization.yaml": overlay(
    'images:\n  - name: busybox\n    newTag: "1"\n  - name: nginx\n    newTag: "1.26"\nreplicas:\n  - name: web\n    count: 2\n',
  ),
  "apps/web/overlays/prod/kustomization.yaml": overlay(
    "patches:\n  - path: patch.yaml\n",
  ),
  "apps/web/overlays/prod/patch.yaml": PATCH,
  "apps/api/kustomization.yaml":
    "resources:\n  - cm.yaml\nsecretGenerator:\n  - name: creds\n    literals:\n      - token=abc\n",
  "apps/api/cm.yaml":
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\ndata:\n  a: b\n",
};

describe("kustomizeRenderer", () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario(REPO);
  });
  afterAll(() => s.cleanup());

  it("discovers root kustomizations with transitive inputs", async () => {
    const targets = await kustomizeRenderer.discover(await s.files(), s.ctx);
    const affected = (changed: string) =>
      targets.filter((t) => t.inputs.includes(changed)).map((t) => t.id);
    const cases: [string, string[]][] = [
      [
        "apps/web/base/deployment.yaml",
        ["kustomize:apps/web/overlays/dev", "kustomize:apps/web/overlays/prod"],
      ],
      [
        "apps/web/overlays/prod/patch.yaml",
        ["kustomize:apps/web/overlays/prod"],
      ],
      ["apps/api/cm.yaml", ["kustomize:apps/api"]],
      ["README.md", []],
    ];
    for (const [changed, expected] of cases) {
      expect(affected(changed).sort(), changed).toEqual(expected);
    }
  });

  it("renders what kustomize build gives, without origin annotations", async () => {
    const [target] = (
      await kustomizeRenderer.discover(await s.files(), s.ctx)
    ).filter((t) => t.path === "apps/web/overlays/prod");
    const out = await kustomizeRenderer.render(target!, s.ctx);
    expect(out.findings).toEqual([]);
    const tool = findTools().kustomize!;
    const raw = execFileSync(
      tool.command,
      [...tool.args, `${s.dir}/apps/web/overlays/prod`],
      { encoding: "utf8" },
    );
    const expected = parseAllDocuments(raw).map((d) => d.toJS());
    expect(out.resources.map((r) => r.object)).toEqual(expected);
  });

  it("locates fields on the patch or base line that defines them", async () => {
    const targets = await kustomizeRenderer.discover(await s.files(), s.ctx);
    const prod = targets.find((t) => t.path === "apps/web/overlays/prod")!;
    const out = await kustomizeRenderer.render(prod, s.ctx);
    const deploy = out.resources.find((r) => r.kind === "Deployment")!;
    const container = ["spec", "template", "spec", "containers", 0];
    const cases: [(string | number)[], string, number][] = [
      [["spec", "replicas"], "apps/web/overlays/prod/patch.yaml", 6],
      [[...container, "image"], "apps/web/overlays/prod/patch.yaml", 11],
      [[...container, "ports", 0], "apps/web/base/deployment.yaml", 13],
      [[], "apps/web/base/deployment.yaml", 1],
    ];
    for (const [field, path, line] of cases) {
      expect(deploy.locate(field), field.join(".")).toEqual({ path, line });
    }
  });

  it("locates generated resources on their generator entry", async () => {
    const targets = await kustomizeRenderer.discover(await s.files(), s.ctx);
    const api = targets.find((t) => t.path === "apps/api")!;
    const out = await kustomizeRenderer.render(api, s.ctx);
    const secret = out.resources.find((r) => r.kind === "Secret")!;
    expect(secret.locate(["data", "token"])).toEqual({
      path: "apps/api/kustomization.yaml",
      line: 3,
      approximate: GENERATED,
    });
    expect(secret.object["metadata"]).toEqual({ name: secret.name });
  });

  it("locates fields a kustomization transformer set on its entry", async () => {
    const targets = await kustomizeRenderer.discover(await s.files(), s.ctx);
    const dev = targets.find((t) => t.path === "apps/web/overlays/dev")!;
    const out = await kustomizeRenderer.render(dev, s.ctx);
    const deploy = out.resources.find((r) => r.kind === "Deployment")!;
    const container = ["spec", "template", "spec", "containers", 0];
    const k = "apps/web/overlays/dev/kustomization.yaml";
    const cases: [(string | number)[], string, number][] = [
      [[...container, "image"], k, 7],
      [["spec", "replicas"], k, 9],
      [["metadata", "name"], k, 3],
      [[...container, "name"], "apps/web/base/deployment.yaml", 10],
    ];
    for (const [field, path, line] of cases) {
      expect(deploy.locate(field), field.join(".")).toEqual({ path, line });
    }
  });

  it("points a missing resource at the kustomization line that lists it", async () => {
    const broken = await scenario({
      "app/kustomization.yaml":
        "resources:\n  - cm.yaml\n  - 'missing.yaml' # typo\n",
      "app/cm.yaml": REPO["apps/api/cm.yaml"],
    });
    try {
      const [target] = await kustomizeRenderer.discover(
        await broken.files(),
        broken.ctx,
      );
      const out = await kustomizeRenderer.render(target!, broken.ctx);
      expect(out.findings.map((f) => [f.location, f.message])).toEqual([
        [
          { path: "app/kustomization.yaml", line: 3 },
          expect.stringMatching(
            /^kustomize failed: resource "missing.yaml" does not exist \(kustomize: /,
          ),
        ],
      ]);
    } finally {
      await broken.cleanup();
    }
  });
});
