import { posix } from "node:path";
import { parse } from "yaml";
import { environmentOf } from "../../config/environmentOf.js";
import { isObject } from "../../manifests/toResources.js";
import type { Renderer } from "../Renderer.js";
import type { RenderTarget } from "../RenderTarget.js";
import { failed } from "../renderFindings.js";
import { refusedInputs } from "../sandbox/symlinkFindings.js";
import { withSandbox } from "../sandbox/withSandbox.js";
import { findCharts, isChartDir } from "./findCharts.js";
import { helmTemplate } from "./helmTemplate.js";
import { appClaims } from "../apps/appClaims.js";

/**
 * Helm charts of the repo that no Argo CD or Flux app uses, each rendered
 * on its own with its default values (library charts are skipped). Charts
 * that apps use are rendered by those apps, with the values they name.
 */
export const helmRenderer = {
  kind: "helm",
  async discover(files, ctx) {
    if (!ctx.config.render.helm.enabled) return [];
    const targets: RenderTarget[] = [];
    const claimed = (await appClaims(files, ctx)).chartDirs;
    for (const chart of findCharts(files)) {
      if (claimed.has(chart.dir)) continue;
      const meta = await chartMeta(ctx.tree.readFile, chart.dir);
      if (meta.type === "library") continue;
      const path = chart.dir === "" ? "." : chart.dir;
      const t: RenderTarget = {
        id: `helm:${path}`,
        kind: "helm",
        path,
        inputs: chart.files,
        options: { chartDir: chart.dir, releaseName: meta.name },
      };
      const env = environmentOf(ctx.config, `${chart.dir}/`);
      if (env !== undefined) t.environment = env;
      targets.push(t);
    }
    return targets;
  },
  async render(target, ctx) {
    const chartDir = String(target.options?.["chartDir"] ?? "");
    const releaseName = String(target.options?.["releaseName"] ?? "release");
    if (!isChartDir(await ctx.tree.files(), chartDir)) {
      // Not in this tree (a new chart, seen from base): renders to nothing.
      return { target, ok: true, resources: [], findings: [] };
    }
    return withSandbox(ctx, async (sb) => {
      const refused = refusedInputs(sb, target);
      if (refused.length > 0) return failed(target, refused);
      return helmTemplate(sb, {
        target,
        chartDir,
        releaseName,
        valueFiles: [],
        values: [],
        set: [],
        helm: ctx.config.render.helm,
        limits: ctx.config.render.limits,
        entry: { path: posix.join(chartDir, "Chart.yaml") },
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
    });
  },
} satisfies Renderer;

async function chartMeta(
  read: (p: string) => Promise<Buffer>,
  dir: string,
): Promise<{ name: string; type: string }> {
  const file = posix.join(dir, "Chart.yaml");
  let chart: unknown;
  try {
    chart = parse((await read(file)).toString("utf8"), { maxAliasCount: 100 });
  } catch {
    // Unreadable or invalid Chart.yaml: render anyway so helm reports it.
    chart = {};
  }
  const name =
    isObject(chart) && typeof chart["name"] === "string"
      ? chart["name"]
      : "release";
  const type =
    isObject(chart) && typeof chart["type"] === "string"
      ? chart["type"]
      : "application";
  return { name: releaseName(name), type };
}

function releaseName(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, "-")
      .slice(0, 53) || "release"
  );
}
