import { scanObjects } from "../apps/scanObjects.js";
import { thisRepoURLs } from "../apps/thisRepoURLs.js";
import { graphOfTree, kustomizeGraph } from "../kustomize/KustomizeGraph.js";
import { targetEnvironment } from "../targetEnvironment.js";
import type { RenderContext, Renderer } from "../Renderer.js";
import type { RenderTarget } from "../RenderTarget.js";
import { renderFinding } from "../renderFindings.js";
import { withSandbox } from "../sandbox/withSandbox.js";
import { argoApps, type ArgoApp } from "./argoApps.js";
import type { PlannedSource } from "./planArgoApp.js";
import { renderPlan } from "./renderPlan.js";

/**
 * Argo CD: each Application (single or multi-source) and each Application
 * an ApplicationSet's list or git generator creates is a target, rendered
 * the way the repo-server would (kustomize, Helm or a directory) with the
 * Application's options. AppProjects stay plain resources.
 */
export const argocdRenderer = {
  kind: "argocd",
  async discover(files, ctx) {
    if (!ctx.config.render.argocd.enabled) return [];
    const read = (p: string) => ctx.tree.readFile(p);
    const graph = await kustomizeGraph(files, read);
    const objects = await scanObjects(files, files, read);
    const apps = await argoApps(objects, {
      files,
      graph,
      read,
      repoURLs: thisRepoURLs(objects, ctx.config.render),
      remote: ctx.config.render.remote,
    });
    return apps.map((app) => toTarget(app, ctx));
  },
  async render(target, ctx) {
    const app = (await appsOf(ctx)).find((a) => a.id === target.id);
    // Not defined on this side of the change: it renders to nothing.
    if (!app) return { target, ok: true, resources: [], findings: [] };
    const notices = app.notices.map((n) =>
      renderFinding(
        target,
        "render/not-rendered",
        n,
        "notice",
        app.entry.path,
        app.entry.line,
      ),
    );
    if (app.plan.sources.length === 0) {
      return { target, ok: true, resources: [], findings: notices };
    }
    return withSandbox(ctx, (sb) =>
      renderPlan(sb, ctx, target, app.plan.sources, app.entry),
    );
  },
} satisfies Renderer;

async function appsOf(ctx: RenderContext): Promise<ArgoApp[]> {
  const files = await ctx.tree.files();
  const read = (p: string) => ctx.tree.readFile(p);
  const objects = await scanObjects(ctx.tree, files, read);
  return argoApps(objects, {
    files,
    graph: await graphOfTree(ctx.tree),
    read,
    repoURLs: thisRepoURLs(objects, ctx.config.render),
    remote: ctx.config.render.remote,
  });
}

function toTarget(app: ArgoApp, ctx: RenderContext): RenderTarget {
  const t: RenderTarget = {
    id: app.id,
    kind: "argocd",
    path: app.file,
    inputs: app.plan.inputs,
  };
  const dir = sourceDir(app.plan.sources[0]);
  const env = targetEnvironment(ctx.config, dir, app.file);
  if (env !== undefined) t.environment = env;
  return t;
}

/** The repo directory a planned source renders, when it has one. */
export function sourceDir(s: PlannedSource | undefined): string | undefined {
  if (s?.type === "kustomize") return s.dir;
  if (s?.type === "helm") return s.remote ? undefined : s.chartDir;
  return s?.type === "directory" ? s.opts.dir : undefined;
}
