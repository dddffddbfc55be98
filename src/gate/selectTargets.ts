import type { Renderer, RenderContext } from "../render/Renderer.js";
import type { RenderTarget } from "../render/RenderTarget.js";
import type { ChangeSet } from "../workspace/ChangeSet.js";

/**
 * Discovers the render targets of a tree and keeps those the change
 * touches: a target is affected when one of its (transitive) inputs is a
 * changed path. With no base (`changes.all`) every target is affected.
 */
export async function selectTargets(
  renderers: readonly Renderer[],
  ctx: RenderContext,
  changes: Pick<ChangeSet, "all" | "paths">,
): Promise<RenderTarget[]> {
  const files = await ctx.tree.files();
  const enabled = renderers.filter((r) => isEnabled(r, ctx));
  const found = await Promise.all(enabled.map((r) => r.discover(files, ctx)));
  const all = found.flat();
  if (changes.all) return all;
  const changed = new Set(changes.paths);
  return all.filter((t) => t.inputs.some((input) => changed.has(input)));
}

function isEnabled(r: Renderer, ctx: RenderContext): boolean {
  const section = ctx.config.render[r.kind] as { enabled?: boolean };
  return section.enabled !== false;
}
