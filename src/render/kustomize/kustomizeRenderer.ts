import { environmentOf } from "../../config/environmentOf.js";
import type { Renderer } from "../Renderer.js";
import type { RenderTarget } from "../RenderTarget.js";
import { failed } from "../renderFindings.js";
import { withSandbox } from "../sandbox/withSandbox.js";
import { refusedInputs } from "../sandbox/symlinkFindings.js";
import { graphOfTree, kustomizeGraph } from "./KustomizeGraph.js";
import { kustomizeBuild } from "./kustomizeBuild.js";
import { refuseUnsafe } from "./refuseUnsafe.js";
import { appClaims } from "../apps/appClaims.js";

/**
 * Kustomize: every kustomization that no other kustomization uses, and no
 * Argo CD or Flux app of the repo renders, is a target; its inputs are all files it reads, transitively, so a change to
 * a base re-renders exactly the overlays built on it.
 */
export const kustomizeRenderer = {
  kind: "kustomize",
  async discover(files, ctx) {
    if (!ctx.config.render.kustomize.enabled) return [];
    const graph = await kustomizeGraph(files, (p) => ctx.tree.readFile(p));
    const claimed = (await appClaims(files, ctx)).kustomizeDirs;
    const roots = graph.roots().filter((dir) => !claimed.has(dir));
    return roots.map((dir) => {
      const path = dir === "" ? "." : dir;
      const t: RenderTarget = {
        id: `kustomize:${path}`,
        kind: "kustomize",
        path,
        inputs: graph.inputs(dir),
        options: { dir },
      };
      const env = environmentOf(ctx.config, `${dir}/`);
      if (env !== undefined) t.environment = env;
      return t;
    });
  },
  async render(target, ctx) {
    const dir = String(target.options?.["dir"] ?? target.path);
    const graph = await graphOfTree(ctx.tree);
    const node = graph.nodes.get(dir);
    // Not in this tree (a new overlay, seen from base): renders to nothing.
    if (!node) return { target, ok: true, resources: [], findings: [] };
    const entry = { path: node.file };
    return withSandbox(ctx, async (sb) => {
      const refused = [
        ...refusedInputs(sb, target),
        ...(await refuseUnsafe(graph.closure(dir), {
          target,
          root: sb.root,
          enableHelm: ctx.config.render.kustomize.enableHelm,
          remoteAllow: ctx.config.render.remote.allow,
        })),
      ];
      if (refused.length > 0) return failed(target, refused);
      return kustomizeBuild(sb, {
        target,
        dir,
        enableHelm: ctx.config.render.kustomize.enableHelm,
        limits: ctx.config.render.limits,
        entry,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
    });
  },
} satisfies Renderer;
