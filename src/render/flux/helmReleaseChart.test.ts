import { expect, it } from "vitest";
import { scenario } from "../testing/scenario.js";
import { fluxRenderer } from "./fluxRenderer.js";

const release = (name: string, spec: string) => `---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${name}
  namespace: web
spec:
  interval: 5m
${spec}`;

const FILE = [
  release(
    "missing",
    "  chart:\n    spec:\n      chart: ./charts/missing\n      sourceRef:\n        kind: GitRepository\n        name: flux-system\n        namespace: flux-system\n",
  ),
  release(
    "remote",
    "  chart:\n    spec:\n      chart: web\n      sourceRef:\n        kind: HelmRepository\n        name: x\n",
  ),
  release("ref", "  chartRef:\n    kind: OCIRepository\n    name: web\n"),
].join("");

it.each([
  ["missing", 11],
  ["remote", 26],
  ["ref", 38],
])("points the HelmRelease %s at its chart field", async (name, line) => {
  const s = await scenario({ "clusters/web.yaml": FILE });
  try {
    const targets = await fluxRenderer.discover(await s.files(), s.ctx);
    const target = targets.find((t) => t.id.endsWith(`/${name}`))!;
    const out = await fluxRenderer.render(target, s.ctx);
    expect(out.findings.map((f) => f.location)).toEqual([
      { path: "clusters/web.yaml", line },
    ]);
  } finally {
    await s.cleanup();
  }
});
