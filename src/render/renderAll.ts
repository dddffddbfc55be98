import { availableParallelism } from "node:os";
import type { Renderer, RenderContext } from "./Renderer.js";
import type { RenderedTarget, RenderTarget } from "./RenderTarget.js";
import { renderers as allRenderers } from "./renderers.js";
import { failed, renderFinding } from "./renderFindings.js";
import { createSandbox, type Sandbox } from "./sandbox/Sandbox.js";
import { createChartFetcher } from "./remote/ChartFetcher.js";
import type { SandboxedContext } from "./sandbox/withSandbox.js";

/** Options of {@link renderAll}. */
export interface RenderAllOptions {
  /** Parallel renders; defaults to the CPU count. */
  concurrency?: number;
  renderers?: readonly Renderer[];
  /** A sandbox to reuse (it is then not disposed here). */
  sandbox?: Sandbox;
}

/**
 * Renders targets of one tree (base or head): one private sandbox copy of
 * the checkout is made, shared by all renders, and removed at the end.
 * Up to `concurrency` renders run at once. Never throws: a renderer that
 * throws, or a sandbox that cannot be made, gives failed targets.
 *
 * @returns results in the order of `targets`
 */
export async function renderAll(
  targets: readonly RenderTarget[],
  ctx: RenderContext,
  opts: RenderAllOptions = {},
): Promise<RenderedTarget[]> {
  if (targets.length === 0) return [];
  let sandbox = opts.sandbox;
  try {
    sandbox ??= await createSandbox(ctx.tree.dir, ctx.config.render.limits);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    return targets.map((t) =>
      failed(t, [
        renderFinding(
          t,
          "render/internal",
          `could not prepare the render sandbox: ${why}`,
        ),
      ]),
    );
  }
  const charts = ctx.charts ?? createChartFetcher(ctx.config.render);
  const shared: SandboxedContext = { ...ctx, sandbox, charts };
  try {
    const byKind = new Map(
      (opts.renderers ?? allRenderers).map((r) => [r.kind, r]),
    );
    const limit = Math.max(1, opts.concurrency ?? availableParallelism());
    return await pool(targets, limit, (t) =>
      renderOne(byKind.get(t.kind), t, shared),
    );
  } finally {
    if (!opts.sandbox) await sandbox.dispose();
    if (!ctx.charts) await charts.dispose();
  }
}

async function renderOne(
  renderer: Renderer | undefined,
  target: RenderTarget,
  ctx: SandboxedContext,
): Promise<RenderedTarget> {
  if (!renderer) {
    return failed(target, [
      renderFinding(
        target,
        "render/internal",
        `no renderer for kind ${target.kind}`,
      ),
    ]);
  }
  try {
    return await renderer.render(target, ctx);
  } catch (cause) {
    // Renderers must not throw; if one does, fail closed on that target.
    const why = cause instanceof Error ? cause.message : String(cause);
    return failed(target, [
      renderFinding(
        target,
        "render/internal",
        `${target.kind} renderer failed: ${why}`,
      ),
    ]);
  }
}

/** Maps `items` through `fn` with at most `limit` calls in flight. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return out;
}
