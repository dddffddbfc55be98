import { stringify } from "yaml";
import { rename, writeFile } from "node:fs/promises";
import { missingPathFinding } from "../apps/missingPathFinding.js";
import { join } from "node:path";
import { helmTemplate } from "../helm/helmTemplate.js";
import { renderRemoteChart } from "../remote/renderRemoteChart.js";
import { kustomizeBuild } from "../kustomize/kustomizeBuild.js";
import { graphOfTree } from "../kustomize/KustomizeGraph.js";
import { refuseUnsafe } from "../kustomize/refuseUnsafe.js";
import type { RenderContext } from "../Renderer.js";
import type { RenderedTarget, RenderTarget } from "../RenderTarget.js";
import { renderFinding } from "../renderFindings.js";
import type { Sandbox } from "../sandbox/Sandbox.js";
import { refusedInputs } from "../sandbox/symlinkFindings.js";
import { generatedResources } from "./generatedResources.js";
import { substituteAll } from "./postBuild.js";
import { applyPostRenderers } from "./postRenderers.js";
import { maskValues } from "./maskValues.js";
import { repoWideLoadsAreSafe } from "./repoWideLoads.js";
import type { FluxPlan } from "./planFlux.js";

/** Renders a planned Flux Kustomization or HelmRelease in the sandbox. */
export async function renderFlux(
  sb: Sandbox,
  ctx: RenderContext,
  target: RenderTarget,
  plan: FluxPlan,
): Promise<RenderedTarget> {
  const notes = plan.notes.map((n) =>
    renderFinding(
      target,
      "render/not-rendered",
      n.message,
      n.severity,
      n.at.path,
      n.at.line,
    ),
  );
  const refused = refusedInputs(sb, target);
  if (refused.length > 0)
    return { target, ok: false, resources: [], findings: refused };
  const out = await renderPlan(sb, ctx, target, plan);
  return {
    ...out,
    ok: out.ok && !notes.some((n) => n.severity === "error"),
    findings: [...notes, ...out.findings],
  };
}

async function renderPlan(
  sb: Sandbox,
  ctx: RenderContext,
  target: RenderTarget,
  plan: FluxPlan,
): Promise<RenderedTarget> {
  const { render } = ctx.config;
  const signal = ctx.signal ? { signal: ctx.signal } : {};
  if (plan.type === "skip")
    return { target, ok: true, resources: [], findings: [] };
  if (plan.type === "helmrelease") {
    const req = {
      target,
      ...plan,
      set: [],
      helm: render.helm,
      limits: render.limits,
      ...signal,
    };
    const rendered = plan.remote
      ? await renderRemoteChart(sb, ctx, req, plan.remote)
      : await helmTemplate(sb, req);
    const post = await applyPostRenderers(sb, rendered, plan.postRenderers, {
      limits: render.limits,
      entry: plan.entry,
      ...signal,
    });
    return maskValues(post, plan.secretValues);
  }
  const graph = await graphOfTree(ctx.tree);
  const files = await ctx.tree.files();
  const generated = plan.generate ? generatedResources(plan.dir, files) : [];
  const roots = [
    plan.dir,
    ...generated.map((r) => join(plan.dir, r)),
    ...plan.components,
  ];
  const nodes = roots.flatMap((d) => graph.closure(d));
  const refused = await refuseUnsafe(nodes, {
    target,
    root: sb.root,
    enableHelm: render.kustomize.enableHelm,
    remoteAllow: render.remote.allow,
  });
  if (refused.length > 0)
    return { target, ok: false, resources: [], findings: refused };
  const missing = missingPathFinding(
    target,
    files,
    plan.dir,
    "spec.path",
    plan.pathAt,
  );
  if (missing) return { target, ok: false, resources: [], findings: [missing] };
  if (plan.generate) await generateKustomization(sb, plan.dir, generated);
  const built = await kustomizeBuild(sb, {
    target,
    dir: plan.dir,
    extra: plan.extra,
    components: plan.components,
    enableHelm: render.kustomize.enableHelm,
    repoWideLoads: repoWideLoadsAreSafe(nodes),
    limits: render.limits,
    entry: plan.entry,
    ...signal,
  });
  return built.ok ? substituteAll(built, plan) : built;
}

/**
 * Writes the kustomization Flux generates for a directory without one
 * (see {@link generatedResources}).
 */
async function generateKustomization(
  sb: Sandbox,
  dir: string,
  resources: readonly string[],
) {
  const k = {
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    resources,
  };
  const file = join(sb.root, dir, "kustomization.yaml");
  // Renders of the same path may run at once: write whole files atomically.
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(tmp, stringify(k));
  await rename(tmp, file);
}
