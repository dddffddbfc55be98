import type { Config } from "../config/schema.js";
import { discoverTargets } from "../render/discoverTargets.js";
import type { Renderer, RenderContext } from "../render/Renderer.js";
import { renderAll } from "../render/renderAll.js";
import {
  createChartFetcher,
  type ChartFetcher,
} from "../render/remote/ChartFetcher.js";
import type { RenderedTarget, RenderTarget } from "../render/RenderTarget.js";
import type { ChangeSet } from "../workspace/ChangeSet.js";
import type { Tree } from "../workspace/Tree.js";
import { withoutAppRendered } from "./withoutAppRendered.js";

/** The affected targets rendered on each side. */
export interface Renders {
  /** Targets the change touches (on either side). */
  targets: RenderTarget[];
  head: RenderedTarget[];
  /** Undefined when there is no base. */
  base?: RenderedTarget[];
}

/**
 * Steps 2 and 3 of the gate: discover the targets the change touches (on
 * head and base, so a removed overlay shows up as removed) and render each
 * on the side(s) where it exists, in parallel, in a private sandbox.
 */
export async function renderStage(
  renderers: readonly Renderer[],
  sides: { head: Tree; base?: Tree },
  config: Config,
  changes: ChangeSet,
  signal?: AbortSignal,
): Promise<Renders> {
  // One chart cache for both sides: a chart both name is fetched once.
  const charts = createChartFetcher(config.render);
  try {
    const headCtx = renderContext(sides.head, config, charts, signal);
    const baseCtx =
      sides.base && renderContext(sides.base, config, charts, signal);
    const targets = await discoverTargets(headCtx, changes, baseCtx, renderers);
    const head = await renderSide(renderers, targets, headCtx);
    if (!baseCtx) return { targets, head };
    const base = await renderSide(renderers, targets, baseCtx);
    return { targets, head, base };
  } finally {
    await charts.dispose();
  }
}

/** Renders the affected targets that exist in this tree, as this tree
 * defines them (an app's path may differ between base and head). */
async function renderSide(
  renderers: readonly Renderer[],
  targets: readonly RenderTarget[],
  ctx: RenderContext,
): Promise<RenderedTarget[]> {
  const all = { all: true, paths: [] };
  const here = new Map(
    (await discoverTargets(ctx, all, undefined, renderers)).map((t) => [
      t.id,
      t,
    ]),
  );
  const present = targets.flatMap((t) => here.get(t.id) ?? []);
  return withoutAppRendered(await renderAll(present, ctx, { renderers }));
}

function renderContext(
  tree: Tree,
  config: Config,
  charts: ChartFetcher,
  signal?: AbortSignal,
): RenderContext {
  const rendering = withoutPolicyDirs(config);
  return signal
    ? { tree, config: rendering, charts, signal }
    : { tree, config: rendering, charts };
}

/** Policy folders hold Rego, data and Gatekeeper templates for the policy
 * check, not manifests to deploy: plain rendering leaves them out. */
function withoutPolicyDirs(config: Config): Config {
  const dirs = config.checks.policy.paths.map(
    (p) => `${p.replace(/\/+$/, "")}/**`,
  );
  const plain = config.render.plain;
  return {
    ...config,
    render: {
      ...config.render,
      plain: { ...plain, exclude: [...plain.exclude, ...dirs] },
    },
  };
}
