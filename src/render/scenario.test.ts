import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderSchema } from "../config/sections/render.js";
import { diffRenders } from "./diff/diffRenders.js";
import { discoverTargets } from "./discoverTargets.js";
import { renderAll } from "./renderAll.js";
import type { RenderContext } from "./Renderer.js";
import { scenario, dirTree, type Scenario } from "./testing/scenario.js";

const DEPLOY = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: ${image}
`;
const overlay = "resources:\n  - ../../base\n";
const BASE: Record<string, string> = {
  "apps/web/base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
  "apps/web/base/deployment.yaml": DEPLOY("nginx:1.25"),
  "apps/web/overlays/dev/kustomization.yaml": overlay,
  "apps/web/overlays/staging/kustomization.yaml": overlay,
  "apps/web/overlays/prod/kustomization.yaml":
    overlay + "patches:\n  - path: patch.yaml\n",
  "apps/web/overlays/prod/patch.yaml":
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n",
  "apps/other/kustomization.yaml": "resources:\n  - cm.yaml\n",
  "apps/other/cm.yaml":
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n",
  "docs/README.md": "hello\n",
};

describe("scenario: a change, discovered, rendered on both sides, diffed", () => {
  let base: Scenario;
  let head: Scenario;
  const ctxOf = (s: Scenario, side: "base" | "head"): RenderContext => {
    const tree = dirTree(s.dir, side);
    return {
      tree,
      config: { render: renderSchema.parse({}), environments: {} },
    };
  };
  beforeAll(async () => {
    base = await scenario(BASE);
    head = await scenario({
      ...BASE,
      "apps/web/base/deployment.yaml": DEPLOY("nginx:1.27"),
      "apps/web/overlays/prod/patch.yaml":
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: missing\nspec:\n  replicas: 3\n",
    });
  });
  afterAll(async () => {
    await base.cleanup();
    await head.cleanup();
  });

  const cases: { changed: string[]; targets: string[] }[] = [
    {
      changed: ["apps/web/base/deployment.yaml"],
      targets: [
        "kustomize:apps/web/overlays/dev",
        "kustomize:apps/web/overlays/prod",
        "kustomize:apps/web/overlays/staging",
      ],
    },
    {
      changed: ["apps/web/overlays/prod/patch.yaml"],
      targets: ["kustomize:apps/web/overlays/prod"],
    },
    { changed: ["docs/README.md"], targets: [] },
  ];
  for (const c of cases) {
    it(`changing ${c.changed.join(", ")} touches exactly ${c.targets.length} targets`, async () => {
      const targets = await discoverTargets(
        ctxOf(head, "head"),
        { all: false, paths: c.changed },
        ctxOf(base, "base"),
      );
      expect(targets.map((t) => t.id)).toEqual(c.targets);
    });
  }

  it("renders base and head and reports the diff and the head-only failure", async () => {
    const changed = {
      all: false,
      paths: [
        "apps/web/base/deployment.yaml",
        "apps/web/overlays/prod/patch.yaml",
      ],
    };
    const h = ctxOf(head, "head");
    const b = ctxOf(base, "base");
    const targets = await discoverTargets(h, changed, b);
    const [baseOut, headOut] = [
      await renderAll(targets, b),
      await renderAll(targets, h),
    ];
    const diff = diffRenders(baseOut, headOut);
    expect(diff.targets.map((t) => [t.id, t.status])).toEqual([
      ["kustomize:apps/web/overlays/dev", "changed"],
      ["kustomize:apps/web/overlays/prod", "failed-head"],
      ["kustomize:apps/web/overlays/staging", "changed"],
    ]);
    expect(diff.targets[0]!.resources[0]!.diff).toMatch(
      /^-\s+- image: nginx:1\.25\n\+\s+- image: nginx:1\.27$/m,
    );
    const prod = headOut.find(
      (r) => r.target.id === "kustomize:apps/web/overlays/prod",
    )!;
    expect(prod.findings.map((f) => [f.ruleId, f.location.path])).toEqual([
      ["render/failed", "apps/web/overlays/prod/kustomization.yaml"],
    ]);
    expect(prod.findings[0]!.message).toMatch(/^kustomize failed: .*missing/);
  });
});
