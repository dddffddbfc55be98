import type { Finding, Location } from "../../findings/finding.js";
import type { Resource } from "../../manifests/Resource.js";
import { missingPathFinding } from "../apps/missingPathFinding.js";
import { renderDirectory } from "../apps/renderDirectory.js";
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
import type { PlannedSource } from "./planArgoApp.js";

/**
 * Renders every source of a planned app and joins the results. The target
 * is ok when no source failed; skipped sources add their notice.
 */
export async function renderPlan(
  sb: Sandbox,
  ctx: RenderContext,
  target: RenderTarget,
  sources: readonly PlannedSource[],
  entry: Location,
): Promise<RenderedTarget> {
  const refused = refusedInputs(sb, target);
  if (refused.length > 0) {
    return { target, ok: false, resources: [], findings: refused };
  }
  const parts = await Promise.all(
    sources.map((s) => renderSource(sb, ctx, target, s, entry)),
  );
  return {
    target,
    ok: parts.every((p) => p.ok),
    resources: parts.flatMap((p) => p.resources),
    findings: parts.flatMap((p) => p.findings),
  };
}

interface Part {
  ok: boolean;
  resources: Resource[];
  findings: Finding[];
}

async function renderSource(
  sb: Sandbox,
  ctx: RenderContext,
  target: RenderTarget,
  s: PlannedSource,
  entry: Location,
): Promise<Part> {
  const signal = ctx.signal ? { signal: ctx.signal } : {};
  const { render } = ctx.config;
  switch (s.type) {
    case "skip": {
      const f = renderFinding(
        target,
        "render/not-rendered",
        s.message,
        s.severity,
        s.at.path,
        s.at.line,
      );
      return { ok: s.severity !== "error", resources: [], findings: [f] };
    }
    case "directory": {
      const files = await ctx.tree.files();
      const at = s.pathAt ?? {
        path: target.path,
        ...(entry.line ? { line: entry.line } : {}),
      };
      const missing = missingPathFinding(
        target,
        files,
        s.opts.dir,
        "spec.source.path",
        at,
      );
      if (missing) return { ok: false, resources: [], findings: [missing] };
      const out = await renderDirectory(ctx, s.opts);
      for (const f of out.findings) f.target = target.id;
      if (s.jsonnet) out.findings.push(jsonnetNotice(target, s.jsonnet));
      return { ok: true, ...out };
    }
    case "helm": {
      const req = {
        target,
        ...s,
        helm: render.helm,
        limits: render.limits,
        entry: s.at ?? entry,
        ...signal,
      };
      return s.remote
        ? renderRemoteChart(sb, ctx, req, s.remote)
        : helmTemplate(sb, req);
    }
    case "kustomize": {
      const graph = await graphOfTree(ctx.tree);
      const nodes = [s.dir, ...s.components].flatMap((d) => graph.closure(d));
      const refused = await refuseUnsafe(nodes, {
        target,
        root: sb.root,
        enableHelm: render.kustomize.enableHelm,
        remoteAllow: render.remote.allow,
      });
      if (refused.length > 0)
        return { ok: false, resources: [], findings: refused };
      return kustomizeBuild(sb, {
        target,
        dir: s.dir,
        extra: s.extra,
        components: s.components,
        enableHelm: render.kustomize.enableHelm,
        limits: render.limits,
        entry,
        ...signal,
      });
    }
  }
}

function jsonnetNotice(
  target: RenderTarget,
  j: { files: string[]; at: Location },
): Finding {
  const shown = j.files.slice(0, 5).join(", ");
  const more = j.files.length > 5 ? ` and ${j.files.length - 5} more` : "";
  return renderFinding(
    target,
    "render/not-rendered",
    `Jsonnet files are not evaluated by the gate; their resources are not checked: ${shown}${more}`,
    "notice",
    j.at.path,
    j.at.line,
  );
}
