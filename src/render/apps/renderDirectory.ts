import picomatch from "picomatch";
import type { Finding } from "../../findings/finding.js";
import { parseYaml } from "../../manifests/parseYaml.js";
import type { Resource } from "../../manifests/Resource.js";
import { toResources } from "../../manifests/toResources.js";
import type { RenderContext } from "../Renderer.js";

/** How to read a directory of plain manifests (Argo CD `directory`). */
export interface DirectoryOptions {
  dir: string;
  recurse: boolean;
  /** Glob (or `{a,b}` list) of files to include, relative to `dir`. */
  include?: string;
  exclude?: string;
}

/** Files of a directory source, as Argo CD would pick them. */
export function directoryFiles(
  files: readonly string[],
  opts: DirectoryOptions,
): string[] {
  const prefix = opts.dir === "" ? "" : `${opts.dir}/`;
  const include = opts.include ? picomatch(opts.include) : () => true;
  const exclude = opts.exclude ? picomatch(opts.exclude) : () => false;
  return files.filter((f) => {
    if (!f.startsWith(prefix) || !/\.(ya?ml|json)$/.test(f)) return false;
    const rel = f.slice(prefix.length);
    if (!opts.recurse && rel.includes("/")) return false;
    return include(rel) && !exclude(rel);
  });
}

/**
 * Reads a directory of YAML/JSON manifests through the tree (no tool
 * runs), with exact source lines.
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
    const parsed = parseYaml(path, await ctx.tree.readFile(path), {
      maxFileBytes,
      maxAliasCount: 1000,
    });
    const result = toResources(path, parsed.documents);
    findings.push(...parsed.problems, ...result.problems);
    resources.push(...result.resources);
  }
  return { resources, findings };
}
