// Renders example targets with the gate (sandbox copy, limits, origin
// mapping, parallel renders) and runs raw `kustomize build` / `helm
// template` on the same targets with the same parallelism, in the same
// run. Goal: ours within 1.25x of raw. Prints figures; never fails on time.
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { renderSchema } from "../src/config/sections/render.js";
import { WEB_CHART } from "../src/render/helm/testCharts.js";
import { helmRenderer } from "../src/render/helm/helmRenderer.js";
import { kustomizeRenderer } from "../src/render/kustomize/kustomizeRenderer.js";
import { pool, renderAll } from "../src/render/renderAll.js";
import type { RenderContext } from "../src/render/Renderer.js";
import type { RenderTarget } from "../src/render/RenderTarget.js";
import { renderers } from "../src/render/renderers.js";
import { findTools } from "../src/render/sandbox/findTools.js";
import { dirTree, writeRepo } from "../src/render/testing/scenario.js";

const run = promisify(execFile);
const COPIES = 4;

/** Builds the bench repo: acme's podinfo app and a chart, copied. */
async function benchRepo(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "gg-bench-render-"));
  for (let i = 1; i <= COPIES; i++) {
    await cp("examples/acme/apps/podinfo", join(dir, `apps/podinfo-${i}`), {
      recursive: true,
    });
    const chart = Object.entries(WEB_CHART).map(([p, c]) => [
      p.replace("charts/web", `charts/web-${i}`),
      c,
    ]);
    await writeRepo(dir, Object.fromEntries(chart));
  }
  return dir;
}

function context(dir: string): RenderContext {
  const tree = dirTree(dir, "head");
  return { tree, config: { render: renderSchema.parse({}), environments: {} } };
}

/** The raw command for a kustomize or helm target. */
function rawCommand(dir: string, t: RenderTarget): [string, string[]] {
  const tools = findTools();
  if (t.kind === "helm") {
    const chart = join(dir, String(t.options?.["chartDir"]));
    return [tools.helm!.command, ["template", "bench", chart]];
  }
  const k = tools.kustomize!;
  return [k.command, [...k.args, join(dir, String(t.options?.["dir"]))]];
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const out = await fn();
  return [out, performance.now() - start];
}

/** `npm run bench` entry: prints our time against raw tool time. */
export async function benchRender(): Promise<void> {
  const dir = await benchRepo();
  try {
    const ctx = context(dir);
    const files = await ctx.tree.files();
    const targets = [
      ...(await kustomizeRenderer.discover(files, ctx)),
      ...(await helmRenderer.discover(files, ctx)),
    ];
    const cpus = availableParallelism();
    await renderAll(targets.slice(0, 1), ctx); // warm caches
    const rounds = 3;
    let ours = 0;
    let raw = 0;
    for (let i = 0; i < rounds; i++) {
      const [out, t1] = await timed(() => renderAll(targets, ctx));
      const failed = out.filter((o) => !o.ok).length;
      if (failed > 0) console.log(`render: ${failed} targets failed`);
      const [, t2] = await timed(() =>
        pool(targets, cpus, (t) => run(...rawCommand(dir, t))),
      );
      ours += t1;
      raw += t2;
    }
    const n = targets.length;
    console.log(
      `render: ${n} targets (kustomize + helm), ${cpus} parallel, mean of ${rounds}`,
    );
    console.log(`  gitops-gate renderAll: ${(ours / rounds).toFixed(0)} ms`);
    console.log(`  raw kustomize/helm:    ${(raw / rounds).toFixed(0)} ms`);
    console.log(`  ratio: ${(ours / raw).toFixed(2)}x (goal <= 1.25x)`);
    await benchAcme();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Full discovery and render of examples/acme (Flux, Argo CD, plain). */
async function benchAcme(): Promise<void> {
  const ctx = context("examples/acme");
  const files = await ctx.tree.files();
  const [targets, tDiscover] = await timed(async () => {
    const all: RenderTarget[] = [];
    for (const r of renderers) all.push(...(await r.discover(files, ctx)));
    return all;
  });
  const [, tRender] = await timed(() => renderAll(targets, ctx));
  console.log(
    `acme: ${targets.length} targets; discover ${tDiscover.toFixed(0)} ms, ` +
      `render ${tRender.toFixed(0)} ms`,
  );
}
