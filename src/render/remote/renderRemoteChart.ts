import { copyFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import type { RenderContext } from "../Renderer.js";
import type { RenderedTarget } from "../RenderTarget.js";
import {
  helmTemplate,
  type HelmTemplateRequest,
} from "../helm/helmTemplate.js";
import { failed, renderFinding } from "../renderFindings.js";
import type { Sandbox } from "../sandbox/Sandbox.js";
import { createChartFetcher } from "./ChartFetcher.js";
import { describeChart, type RemoteChart } from "./RemoteChart.js";

/**
 * Fetches an allowed remote chart (once per run, through `ctx.charts`)
 * and renders it with `helm template` in the sandbox, offline like every
 * other render. A fetch that fails is an error finding on the line of the
 * object that names the chart, with the host and the reason: the target
 * was not checked, so the gate fails closed.
 */
export async function renderRemoteChart(
  sb: Sandbox,
  ctx: RenderContext,
  req: Omit<HelmTemplateRequest, "archive">,
  chart: RemoteChart,
): Promise<RenderedTarget> {
  // A render outside renderAll (a single renderer call): a one-off cache.
  const fetcher = ctx.charts ?? createChartFetcher(ctx.config.render);
  try {
    const got = await fetcher.fetch(chart, req.signal);
    if (!got.ok) return fetchFailed(req, chart, got.reason);
    // The sandbox is shared by renders and the download by both sides:
    // each render reads its own copy.
    const dir = await sb.scratchDir("remote-chart");
    const copy = join(dir, basename(got.archive));
    await copyFile(got.archive, copy);
    return await helmTemplate(sb, {
      ...req,
      archive: relative(sb.root, copy),
    });
  } finally {
    if (fetcher !== ctx.charts) await fetcher.dispose();
  }
}

function fetchFailed(
  req: Omit<HelmTemplateRequest, "archive">,
  chart: RemoteChart,
  reason: string,
): RenderedTarget {
  return failed(req.target, [
    renderFinding(
      req.target,
      "render/failed",
      `${describeChart(chart)} could not be fetched: ${reason}; ` +
        "this target is not rendered",
      "error",
      req.entry.path,
      req.entry.line,
    ),
  ]);
}
