import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { renderSchema } from "../config/sections/render.js";
import { discoverTargets } from "./discoverTargets.js";
import type { RenderContext } from "./Renderer.js";
import { renderAll } from "./renderAll.js";
import { findTools } from "./sandbox/findTools.js";
import { dirTree } from "./testing/scenario.js";

const ACME = join(import.meta.dirname, "../../examples/acme");
const ctx: RenderContext = {
  tree: dirTree(ACME, "head"),
  config: { render: renderSchema.parse({}), environments: {} },
};

function kustomizeBuild(dir: string): unknown[] {
  const k = findTools().kustomize!;
  const out = execFileSync(k.command, [...k.args, join(ACME, dir)], {
    encoding: "utf8",
  });
  return parseAllDocuments(out).map((d) => d.toJS());
}

describe("examples/acme", () => {
  it("changing the podinfo base re-renders exactly the apps that deploy it", async () => {
    const changes = {
      all: false,
      paths: ["apps/podinfo/base/deployment.yaml"],
    };
    const targets = await discoverTargets(ctx, changes);
    expect(targets.map((t) => t.id)).toEqual([
      "argocd:argocd/apps/podinfo-dev.yaml#podinfo-dev",
      "flux:clusters/prod/podinfo.yaml#flux-system/podinfo",
      "flux:clusters/staging/podinfo.yaml#flux-system/podinfo",
    ]);
  });

  it("renders the Flux Kustomization and the Argo CD Application as kustomize build does", async () => {
    const targets = await discoverTargets(ctx, { all: true, paths: [] });
    const pick = (id: string) => targets.filter((t) => t.id === id);
    const out = await renderAll(
      [
        ...pick("flux:clusters/prod/podinfo.yaml#flux-system/podinfo"),
        ...pick("argocd:argocd/apps/podinfo-dev.yaml#podinfo-dev"),
      ],
      ctx,
    );
    expect(out.map((o) => o.findings)).toEqual([[], []]);
    const objects = (i: number) => out[i]!.resources.map((r) => r.object);
    expect(objects(0)).toEqual(kustomizeBuild("apps/podinfo/overlays/prod"));
    expect(objects(1)).toEqual(kustomizeBuild("apps/podinfo/overlays/dev"));
  });
});
