import type { Config } from "../config/schema.js";
import type { Tree } from "../workspace/Tree.js";
import type { ChartFetcher } from "./remote/ChartFetcher.js";
import type {
  RenderedTarget,
  RenderTarget,
  TargetKind,
} from "./RenderTarget.js";

/** What a renderer gets besides the target. */
export interface RenderContext {
  /** The checkout being rendered (base or head). */
  tree: Tree;
  config: Pick<Config, "render" | "environments">;
  signal?: AbortSignal;
  /**
   * Fetches allowed remote Helm charts, shared by the base and head
   * renders of one run so that each chart is downloaded once.
   */
  charts?: ChartFetcher;
}

/**
 * The contract of every renderer (plain, kustomize, helm, Argo CD, Flux).
 * `discover` lists all targets of a tree; the gate then keeps the ones the
 * change touches (their `inputs`) and calls `render` on each, for head and
 * base. `render` never throws: failures are findings on the target.
 */
export interface Renderer {
  kind: TargetKind;
  discover(
    files: readonly string[],
    ctx: RenderContext,
  ): Promise<RenderTarget[]>;
  render(target: RenderTarget, ctx: RenderContext): Promise<RenderedTarget>;
}
