import picomatch from "picomatch";
import { parseYaml } from "../../manifests/parseYaml.js";
import { toResources } from "../../manifests/toResources.js";
import type { Finding } from "../../findings/finding.js";
import type { Resource } from "../../manifests/Resource.js";
import type { Renderer, RenderContext } from "../Renderer.js";
import type { RenderTarget } from "../RenderTarget.js";
import { environmentOf } from "../../config/environmentOf.js";
import { appClaims } from "../apps/appClaims.js";
import { skipsRendering } from "../apps/skipsRendering.js";
import { kustomizeGraph } from "../kustomize/KustomizeGraph.js";
import { ownedByTool } from "./ownedByTool.js";

/**
 * Plain directories of YAML manifests: each directory holding matching
 * files that no kustomization or chart owns is one target. Files an app
 * reads as Helm values (or a generator as data), and files that carry
 * Argo CD's `+argocd:skip-file-rendering` marker, are
 * not manifests and are left out. Files an Argo CD or Flux app deploys as
 * they are stay in plain targets, listed in `options.appRendered`: the
 * gate drops their plain resources where the app rendered them (see
 * `withoutAppRendered`), and keeps them, with their exact lines, where the
 * app's render failed.
 */
export const plainRenderer = {
  kind: "plain",
  async discover(files, ctx) {
    const { paths, exclude } = ctx.config.render.plain;
    const include = picomatch(paths, { dot: false });
    const skip = picomatch(exclude, { dot: true });
    const read = (p: string) => ctx.tree.readFile(p);
    const owned = ownedByTool(files, await kustomizeGraph(files, read));
    const { dataFiles, manifestFiles } = await appClaims(files, ctx);
    const byDir = new Map<string, string[]>();
    for (const file of files) {
      if (!include(file) || skip(file) || owned(file)) continue;
      if (dataFiles.has(file)) continue;
      const dir = file.includes("/")
        ? file.slice(0, file.lastIndexOf("/"))
        : ".";
      byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
    }
    return [...byDir].map(([dir, inputs]) => {
      const t = target(dir, inputs, environmentOf(ctx.config, `${dir}/`));
      const appRendered = inputs.filter((f) => manifestFiles.has(f));
      if (appRendered.length > 0) t.options = { appRendered };
      return t;
    });
  },
  async render(target, ctx) {
    const resources: Resource[] = [];
    const findings: Finding[] = [];
    const maxFileBytes = ctx.config.render.limits.maxFileMB * 1024 * 1024;
    for (const path of target.inputs) {
      const content = await readOrFinding(ctx, path, findings);
      if (content === undefined || skipsRendering(content)) continue;
      const parsed = parseYaml(path, content, {
        maxFileBytes,
        maxAliasCount: 1000,
      });
      const result = toResources(path, parsed.documents);
      findings.push(...parsed.problems, ...result.problems);
      resources.push(...result.resources);
    }
    return { target, ok: true, resources, findings };
  },
} satisfies Renderer;

function target(
  dir: string,
  inputs: string[],
  environment: string | undefined,
): RenderTarget {
  const t: RenderTarget = {
    id: `plain:${dir}`,
    kind: "plain",
    path: dir,
    inputs,
  };
  if (environment !== undefined) t.environment = environment;
  return t;
}

async function readOrFinding(
  ctx: RenderContext,
  path: string,
  findings: Finding[],
): Promise<Buffer | undefined> {
  try {
    return await ctx.tree.readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? "error";
    // Absent on this side of the change (a new file, seen from base).
    if (code === "ENOENT" && ctx.tree.side === "base") return undefined;
    findings.push({
      check: "yaml",
      ruleId: "yaml/unreadable",
      severity: "error",
      message: unreadableReason(cause as NodeJS.ErrnoException),
      location: { path },
    });
    return undefined;
  }
}

function unreadableReason(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case "EOUTSIDE":
      return "refused: it is a symlink (or path) that leads outside the checkout";
    case "EACCES":
      return "cannot read file: permission denied";
    case "ENOENT":
      return "cannot read file: it is a dangling symlink";
    default:
      return `cannot read file (${err.code ?? err.message})`;
  }
}
