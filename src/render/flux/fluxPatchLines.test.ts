import { expect, it } from "vitest";
import { scenario } from "../testing/scenario.js";
import { fluxRenderer } from "./fluxRenderer.js";

const KS = `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: web
  namespace: flux-system
spec:
  interval: 10m
  path: ./app
  sourceRef:
    kind: GitRepository
    name: flux-system
  patches:
    - target:
        kind: Service
      patch: |
        - op: replace
          path: /spec/ports/0/port
          value: 8080
`;

it("points fields a Flux Kustomization's patch sets at its line", async () => {
  const s = await scenario({
    "clusters/web.yaml": KS,
    "app/kustomization.yaml": "resources:\n  - svc.yaml\n",
    "app/svc.yaml":
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n",
  });
  try {
    const [target] = await fluxRenderer.discover(await s.files(), s.ctx);
    const out = await fluxRenderer.render(target!, s.ctx);
    const svc = out.resources.find((r) => r.kind === "Service")!;
    expect(svc.locate(["spec", "ports", 0, "port"])).toEqual({
      path: "clusters/web.yaml",
      line: 18,
    });
    expect(svc.locate(["spec", "ports", 0])).toEqual({
      path: "app/svc.yaml",
      line: 7,
    });
  } finally {
    await s.cleanup();
  }
});
