import type { Renderer, RenderContext } from "./Renderer.js";
import type { RenderTarget } from "./RenderTarget.js";
import { renderers as allRenderers } from "./renderers.js";

/** What changed, as the gate knows it. */
export interface Changes {
  /** No base: every target counts as touched. */
  all: boolean;
  /** Changed paths (added, modified, deleted), repo-relative. */
  paths: readonly string[];
}

/**
 * Lists the render targets a change touches: every renderer discovers on
 * head (and on base, when given, so a deleted overlay or app still shows
 * up as removed), and a target is kept when one of its inputs changed on
 * either side. Head's definition wins when both sides have the target.
 *
 * @returns targets sorted by id; empty when nothing renderable changed
 */
export async function discoverTargets(
  head: RenderContext,
  changes: Changes,
  base?: RenderContext,
  renderers: readonly Renderer[] = allRenderers,
): Promise<RenderTarget[]> {
  const changed = new Set(changes.paths);
  const touched = (t: RenderTarget) =>
    changes.all || t.inputs.some((f) => changed.has(f));
  const byId = new Map<string, RenderTarget>();
  const hit = new Set<string>();
  for (const ctx of base ? [base, head] : [head]) {
    const files = await ctx.tree.files();
    for (const r of renderers) {
      for (const t of await r.discover(files, ctx)) {
        if (touched(t)) hit.add(t.id);
        if (ctx === head || !byId.has(t.id)) byId.set(t.id, t);
      }
    }
  }
  return [...hit]
    .sort()
    .map((id) => byId.get(id))
    .filter((t): t is RenderTarget => t !== undefined);
}
