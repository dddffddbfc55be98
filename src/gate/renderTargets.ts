import { availableParallelism } from "node:os";
import type { Renderer, RenderContext } from "../render/Renderer.js";
import type { RenderedTarget, RenderTarget } from "../render/RenderTarget.js";

/**
 * Renders targets with their renderer, at most `concurrency` at a time (the
 * CPU count by default), keeping the input order. A renderer that throws
 * despite its contract yields a failed target with a render finding.
 */
export async function renderTargets(
  renderers: readonly Renderer[],
  targets: readonly RenderTarget[],
  ctx: RenderContext,
  concurrency = availableParallelism(),
): Promise<RenderedTarget[]> {
  const out: RenderedTarget[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      const target = targets[i] as RenderTarget;
      out[i] = await renderOne(renderers, target, ctx);
    }
  };
  const n = Math.max(1, Math.min(concurrency, targets.length));
  await Promise.all(Array.from({ length: n }, worker));
  return out;
}

async function renderOne(
  renderers: readonly Renderer[],
  target: RenderTarget,
  ctx: RenderContext,
): Promise<RenderedTarget> {
  const renderer = renderers.find((r) => r.kind === target.kind);
  try {
    if (!renderer) throw new Error(`no renderer for kind ${target.kind}`);
    return await renderer.render(target, ctx);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return {
      target,
      ok: false,
      resources: [],
      findings: [
        {
          check: "render",
          ruleId: "render/failed",
          severity: "error",
          message: `rendering ${target.id} failed: ${reason}`,
          location: { path: target.path },
          target: target.id,
        },
      ],
    };
  }
}
