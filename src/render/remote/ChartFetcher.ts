import { mkdir, mkdtemp, readdir, realpath, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTool, type ToolResult } from "../sandbox/runTool.js";
import { findTools, type ToolSet } from "../sandbox/findTools.js";
import { sanitizeMessage } from "../sandbox/sanitizeMessage.js";
import { onlineEnv } from "../sandbox/scrubbedEnv.js";
import type { RenderLimits } from "../sandbox/Sandbox.js";
import { helmPullArgs } from "./helmPullArgs.js";
import {
  chartKey,
  type RemoteChart,
  type RemoteConfig,
} from "./RemoteChart.js";

/** A fetched chart archive, or why there is none (safe to show). */
export type FetchedChart =
  { ok: true; archive: string } | { ok: false; reason: string };

/**
 * Fetches remote Helm charts once per gate run: base and head renders
 * that name the same (repo, chart, version) share one download. Create
 * one per run with {@link createChartFetcher}; `dispose` removes the
 * downloads.
 */
export interface ChartFetcher {
  /** Downloads `chart` (or returns the earlier download). Never throws. */
  fetch(chart: RemoteChart, signal?: AbortSignal): Promise<FetchedChart>;
  dispose(): Promise<void>;
}

/** What a fetcher needs: the remote section, limits and the helm binary. */
export interface ChartFetcherOptions {
  remote: Pick<RemoteConfig, "insecure" | "maxChartMB">;
  limits: RenderLimits;
  tools?: ToolSet;
}

// TODO(#3): helm follows an index's chart `urls` and HTTP redirects to any
// host; render.remote.allow is checked on the repository URL only.

/**
 * A fetcher that runs `helm pull` with a fresh HOME (so no repository
 * credentials or registry logins), no proxy, the render limits and a cap
 * on every file written. The temp directory is made on the first fetch.
 */
export function createChartFetcher(opts: ChartFetcherOptions): ChartFetcher {
  const tools = opts.tools ?? findTools();
  const cache = new Map<string, Promise<FetchedChart>>();
  let base: Promise<string> | undefined;
  let n = 0;
  const dir = () => (base ??= makeBase());
  return {
    fetch(chart, signal) {
      const key = chartKey(chart);
      let hit = cache.get(key);
      if (!hit) {
        hit = dir()
          .then((b) => pull(b, ++n, chart, opts, tools, signal))
          .catch((cause: unknown) => ({
            ok: false as const,
            reason: `could not prepare the download (${cause instanceof Error ? cause.message : String(cause)})`,
          }));
        cache.set(key, hit);
      }
      return hit;
    },
    async dispose() {
      if (base) await rm(await base, { recursive: true, force: true });
    },
  };
}

async function makeBase(): Promise<string> {
  const base = await realpath(await mkdtemp(join(tmpdir(), "gg-charts-")));
  await Promise.all(["home", "tmp"].map((d) => mkdir(join(base, d))));
  return base;
}

async function pull(
  base: string,
  n: number,
  chart: RemoteChart,
  opts: ChartFetcherOptions,
  tools: ToolSet,
  signal: AbortSignal | undefined,
): Promise<FetchedChart> {
  if (!tools.helm) return { ok: false, reason: "helm was not found" };
  const dest = join(base, `chart-${n}`);
  await mkdir(dest);
  const capBytes = opts.remote.maxChartMB * 1024 * 1024;
  const result = await runTool({
    command: tools.helm.command,
    args: [...tools.helm.args, ...helmPullArgs(chart, dest, opts.remote)],
    cwd: dest,
    env: onlineEnv(join(base, "home"), join(base, "tmp")),
    limits: {
      timeoutMs: opts.limits.timeoutSeconds * 1000,
      maxOutputBytes: 1024 * 1024,
      maxMemoryBytes: opts.limits.maxMemoryMB * 1024 * 1024,
      maxFileBytes: capBytes,
      ...(tools.prlimit ? { prlimit: tools.prlimit } : {}),
    },
    ...(signal ? { signal } : {}),
  });
  const failure = pullFailure(result, opts, base);
  if (failure) return { ok: false, reason: failure };
  return archiveIn(dest, capBytes, opts.remote.maxChartMB);
}

function pullFailure(
  r: ToolResult,
  opts: ChartFetcherOptions,
  base: string,
): string | undefined {
  const cap = `a download exceeds render.remote.maxChartMB (${opts.remote.maxChartMB} MB)`;
  switch (r.refusal) {
    case "timeout":
      return `helm pull did not finish within ${opts.limits.timeoutSeconds} s`;
    case "output":
      return "helm pull printed too much output; it was stopped";
    case "aborted":
      return "the fetch was cancelled";
    case "spawn":
      return `helm could not be started (${r.spawnError ?? "error"})`;
  }
  if (r.code === 0) return undefined;
  // SIGXFSZ (Go ignores it, then the write fails with EFBIG).
  if (r.code === null || /file too large/i.test(r.stderr)) return cap;
  const text = sanitizeMessage(r.stderr, [base]);
  return `helm pull failed: ${text || `exit code ${r.code}`}`;
}

async function archiveIn(
  dest: string,
  capBytes: number,
  capMB: number,
): Promise<FetchedChart> {
  const files = (await readdir(dest)).filter((f) => f.endsWith(".tgz"));
  const file = files[0];
  if (files.length !== 1 || file === undefined) {
    return { ok: false, reason: "helm pull wrote no chart archive" };
  }
  const archive = join(dest, file);
  if ((await stat(archive)).size > capBytes) {
    return {
      ok: false,
      reason: `the chart archive exceeds render.remote.maxChartMB (${capMB} MB)`,
    };
  }
  return { ok: true, archive };
}
