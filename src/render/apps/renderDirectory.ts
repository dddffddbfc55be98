import type { Finding } from "../../findings/finding.js";
import { parseYaml } from "../../manifests/parseYaml.js";
import type { Resource } from "../../manifests/Resource.js";
import { toResources } from "../../manifests/toResources.js";
import { argoGlob } from "../argocd/argoGlob.js";
import type { RenderContext } from "../Renderer.js";
import { skipsRendering } from "./skipsRendering.js";

/** How to read a directory of plain manifests (Argo CD `directory`). */
export interface DirectoryOptions {
  dir: string;
  recurse: boolean;
  /**
   * Argo CD glob (or `{a,b}` list) of files to include, relative to
   * `dir`; see {@link argoGlob}. `exclude` wins over `include`.
   */
  include?: string;
  exclude?: string;
}

/**
 * Files of a directory source, as Argo CD would pick them: YAML and JSON
 * files (below `dir` only with `recurse`) that `include` matches and
 * `exclude` does not.
 *
 * @param kinds - which file names count (Argo CD also evaluates
 *   `.jsonnet` files, which the gate does not)
 */
export function directoryFiles(
  files: readonly string[],
  opts: DirectoryOptions,
  kinds: RegExp = /\.(ya?ml|json)$/,
): string[] {
  const prefix = opts.dir === "" ? "" : `${opts.dir}/`;
  const include = opts.include ? argoGlob(opts.include) : () => true;
  const exclude = opts.exclude ? argoGlob(opts.exclude) : () => false;
  return files.filter((f) => {
    if (!f.startsWith(prefix) || !kinds.test(f)) return false;
    const rel = f.slice(prefix.length);
    if (!opts.recurse && rel.includes("/")) return false;
    return include(rel) && !exclude(rel);
  });
}

/**
 * Reads a directory of YAML/JSON manifests through the tree (no tool
 * runs), with exact source lines. Files with Argo CD's
 * `+argocd:skip-file-rendering` marker are skipped, as Argo CD does.
 */
export async function renderDirectory(
  ctx: RenderContext,
  opts: DirectoryOptions,
): Promise<{ resources: Resource[]; findings: Finding[] }> {
  const files = directoryFiles(await ctx.tree.files(), opts);
  const maxFileBytes = ctx.config.render.limits.maxFileMB * 1024 * 1024;
  const resources: Resource[] = [];
  const findings: Finding[] = [];
  for (const path of files) {
    const content = await ctx.tree.readFile(path);
    if (skipsRendering(content)) continue;
    const parsed = parseYaml(path, content, {
      maxFileBytes,
      maxAliasCount: 1000,
    });
    const result = toResources(path, parsed.documents);
    findings.push(...parsed.problems, ...result.problems);
    resources.push(...result.resources);
  }
  return { resources, findings };
}
