import { scanObjects } from "../apps/scanObjects.js";
import { graphOfTree, kustomizeGraph } from "../kustomize/KustomizeGraph.js";
import { targetEnvironment } from "../targetEnvironment.js";
import type { RenderContext, Renderer } from "../Renderer.js";
import type { RenderTarget } from "../RenderTarget.js";
import { withSandbox } from "../sandbox/withSandbox.js";
import { planFlux, type FluxPlan } from "./planFlux.js";
import { renderFlux } from "./renderFlux.js";

/**
 * Flux: each Kustomization and HelmRelease whose source is this
 * repository's GitRepository (`render.flux.gitRepository`) is a target,
 * rendered as the controllers would: kustomize with targetNamespace,
 * prefixes, patches and postBuild substitution; Helm with values,
 * valuesFiles and in-repo valuesFrom.
 */
export const fluxRenderer = {
  kind: "flux",
  async discover(files, ctx) {
    if (!ctx.config.render.flux.enabled) return [];
    const read = (p: string) => ctx.tree.readFile(p);
    const plans = planFlux({
      files,
      graph: await kustomizeGraph(files, read),
      objects: await scanObjects(files, files, read),
      gitRepository: ctx.config.render.flux.gitRepository,
      remote: ctx.config.render.remote,
    });
    return plans.map((p) => toTarget(p, ctx));
  },
  async render(target, ctx) {
    const plan = (await plansOf(ctx)).find((p) => p.id === target.id);
    // Not defined on this side of the change: it renders to nothing.
    if (!plan) return { target, ok: true, resources: [], findings: [] };
    return withSandbox(ctx, (sb) => renderFlux(sb, ctx, target, plan));
  },
} satisfies Renderer;

async function plansOf(ctx: RenderContext): Promise<FluxPlan[]> {
  const files = await ctx.tree.files();
  const read = (p: string) => ctx.tree.readFile(p);
  return planFlux({
    files,
    graph: await graphOfTree(ctx.tree),
    objects: await scanObjects(ctx.tree, files, read),
    gitRepository: ctx.config.render.flux.gitRepository,
    remote: ctx.config.render.remote,
  });
}

function toTarget(plan: FluxPlan, ctx: RenderContext): RenderTarget {
  const t: RenderTarget = {
    id: plan.id,
    kind: "flux",
    path: plan.file,
    inputs: plan.inputs,
  };
  const dir = planDir(plan);
  const env = targetEnvironment(ctx.config, dir, plan.file);
  if (env !== undefined) t.environment = env;
  return t;
}

function planDir(plan: FluxPlan): string | undefined {
  if (plan.type === "kustomization") return plan.dir;
  if (plan.type !== "helmrelease" || plan.remote) return undefined;
  return plan.chartDir;
}
