import { rename, writeFile } from "node:fs/promises";
import { missingPathFinding } from "../apps/missingPathFinding.js";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import type { Finding } from "../../findings/finding.js";
import type { Resource } from "../../manifests/Resource.js";
import { isObject } from "../../manifests/toResources.js";
import { helmTemplate } from "../helm/helmTemplate.js";
import { kustomizeBuild } from "../kustomize/kustomizeBuild.js";
import {
  graphOfTree,
  isKustomizationFile,
} from "../kustomize/KustomizeGraph.js";
import { refuseUnsafe } from "../kustomize/refuseUnsafe.js";
import { OUTPUT_ALIAS_LIMIT } from "../parseRendered.js";
import type { RenderContext } from "../Renderer.js";
import type { RenderedTarget, RenderTarget } from "../RenderTarget.js";
import { renderedResource } from "../renderedResource.js";
import { renderFinding } from "../renderFindings.js";
import type { Sandbox } from "../sandbox/Sandbox.js";
import { refusedInputs } from "../sandbox/symlinkFindings.js";
import { envsubst } from "./envsubst.js";
import type { FluxPlan } from "./planFlux.js";

const SUBSTITUTE = "kustomize.toolkit.fluxcd.io/substitute";

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
    return helmTemplate(sb, {
      target,
      ...plan,
      set: [],
      helm: render.helm,
      limits: render.limits,
      ...signal,
    });
  }
  const graph = await graphOfTree(ctx.tree);
  const refused = await refuseUnsafe(
    [plan.dir, ...plan.components].flatMap((d) => graph.closure(d)),
    {
      target,
      root: sb.root,
      enableHelm: render.kustomize.enableHelm,
      remoteAllow: render.remote.allow,
    },
  );
  if (refused.length > 0)
    return { target, ok: false, resources: [], findings: refused };
  const files = await ctx.tree.files();
  const missing = missingPathFinding(
    target,
    files,
    plan.dir,
    "spec.path",
    plan.entry,
  );
  if (missing) return { target, ok: false, resources: [], findings: [missing] };
  if (plan.generate) await generateKustomization(sb, plan.dir, files);
  const built = await kustomizeBuild(sb, {
    target,
    dir: plan.dir,
    extra: plan.extra,
    components: plan.components,
    enableHelm: render.kustomize.enableHelm,
    limits: render.limits,
    entry: plan.entry,
    ...signal,
  });
  if (!built.ok || plan.vars === undefined) return built;
  return substituteAll(built, plan.vars, plan);
}

/**
 * Writes the kustomization Flux generates for a directory without one:
 * every manifest below it, and subdirectories that have their own
 * kustomization as a whole.
 */
async function generateKustomization(
  sb: Sandbox,
  dir: string,
  files: readonly string[],
) {
  const prefix = dir === "" ? "" : `${dir}/`;
  const below = files
    .filter((f) => f.startsWith(prefix))
    .map((f) => f.slice(prefix.length));
  const kdirs = below
    .filter(isKustomizationFile)
    .map((f) => f.slice(0, f.lastIndexOf("/")));
  const owned = (f: string) => kdirs.some((d) => f.startsWith(`${d}/`));
  const manifests = below.filter((f) => /\.ya?ml$/.test(f) && !owned(f));
  const k = {
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    resources: [...manifests, ...kdirs],
  };
  const file = join(sb.root, dir, "kustomization.yaml");
  // Renders of the same path may run at once: write whole files atomically.
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(tmp, stringify(k));
  await rename(tmp, file);
}

function substituteAll(
  built: RenderedTarget,
  vars: Record<string, string>,
  plan: FluxPlan,
): RenderedTarget {
  const missing = new Set<string>();
  const resources = built.resources.map((r) => {
    if (substitutionDisabled(r)) return r;
    const out = envsubst(stringify(r.object), vars);
    out.missing.forEach((m) => missing.add(m));
    const object: unknown = parse(out.text, {
      maxAliasCount: OUTPUT_ALIAS_LIMIT,
    });
    return isObject(object) && isObject(object["metadata"])
      ? renderedResource(object, r.locate)
      : r;
  });
  const findings: Finding[] = [...built.findings];
  if (missing.size > 0) {
    findings.push(
      renderFinding(
        built.target,
        "render/substitute-missing",
        `postBuild variables without a value were replaced by empty strings: ${[...missing].sort().join(", ")}`,
        "notice",
        plan.entry.path,
        plan.entry.line,
      ),
    );
  }
  return { ...built, resources, findings };
}

function substitutionDisabled(r: Resource): boolean {
  const meta = r.object["metadata"];
  if (!isObject(meta)) return false;
  const ann = isObject(meta["annotations"])
    ? meta["annotations"][SUBSTITUTE]
    : undefined;
  const lab = isObject(meta["labels"]) ? meta["labels"][SUBSTITUTE] : undefined;
  return ann === "disabled" || lab === "disabled";
}
