import type { RenderContext } from "../Renderer.js";
import { createSandbox, type Sandbox } from "./Sandbox.js";

/** A render context that may carry a sandbox shared by many renders. */
export interface SandboxedContext extends RenderContext {
  sandbox?: Sandbox;
}

/**
 * Runs `fn` in the context's shared sandbox, or in a new one made (and
 * removed) just for this call when there is none.
 */
export async function withSandbox<T>(
  ctx: SandboxedContext,
  fn: (sb: Sandbox) => Promise<T>,
): Promise<T> {
  if (ctx.sandbox) return fn(ctx.sandbox);
  const sb = await createSandbox(ctx.tree.dir, ctx.config.render.limits);
  try {
    return await fn(sb);
  } finally {
    await sb.dispose();
  }
}
