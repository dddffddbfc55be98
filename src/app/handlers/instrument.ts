import type { Logger } from "probot";
import type { GitHub } from "../github/GitHub.js";
import type { AppMetrics } from "../ops/metrics.js";

/** How the client waits and retries. */
export interface ClientLimits {
  /** One GitHub API request, per attempt. */
  requestTimeoutMs: number;
  /** Milliseconds per second of `retry-after` (tests shrink it). */
  retryAfterUnitMs: number;
  /** Retries after a secondary rate limit. */
  rateLimitRetries: number;
}

type ErrorFacts = {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
};

/**
 * Adds to a delivery's client: a timeout per attempt (a hung connection
 * becomes an error the retry plugin retries), metrics for every failed
 * attempt and rate limit, and retries with backoff on secondary rate
 * limits, which Probot's default throttle handler only logs.
 */
export function instrument(
  github: GitHub,
  metrics: AppMetrics,
  limits: ClientLimits,
  log: Logger,
): void {
  github.hook.after("request", (res, options) => {
    log.debug(
      { method: options.method, url: options.url, status: res.status },
      "github request",
    );
  });
  const wrapped = new WeakSet<typeof fetch>();
  github.hook.before("request", (options) => {
    const inner = (options.request.fetch as typeof fetch | undefined) ?? fetch;
    // A retry passes through here again with the same options.
    if (wrapped.has(inner)) return;
    const outer = attempt(inner, metrics, limits.requestTimeoutMs);
    wrapped.add(outer);
    options.request = { ...options.request, fetch: outer };
  });
  github.hook.wrap("request", async (request, options) => {
    for (let n = 0; ; n += 1) {
      try {
        return await request(options);
      } catch (err) {
        const wait = secondaryWait(err as ErrorFacts, limits);
        if (wait === undefined || n >= limits.rateLimitRetries) throw err;
        await new Promise((r) => setTimeout(r, wait * (n + 1)));
      }
    }
  });
}

/** One HTTP attempt: its own deadline, and counted when it fails. */
function attempt(
  inner: typeof fetch,
  metrics: AppMetrics,
  timeoutMs: number,
): typeof fetch {
  return async (url, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal
      ? AbortSignal.any([init.signal, deadline])
      : deadline;
    try {
      const res = await inner(url, { ...init, signal });
      if (res.status >= 400) count(metrics, res.status, res.headers);
      return res;
    } catch (err) {
      metrics.apiErrors.inc({
        status: deadline.aborted ? "timeout" : "network",
      });
      throw err;
    }
  };
}

function count(metrics: AppMetrics, status: number, headers: Headers): void {
  metrics.apiErrors.inc({ status: String(status) });
  if (status !== 403 && status !== 429) return;
  if (headers.get("x-ratelimit-remaining") === "0") {
    metrics.rateLimits.inc({ kind: "primary" });
  } else if (headers.has("retry-after") || status === 429) {
    metrics.rateLimits.inc({ kind: "secondary" });
  }
}

/** Milliseconds to wait before retrying, or undefined: do not retry. */
function secondaryWait(
  e: ErrorFacts,
  limits: ClientLimits,
): number | undefined {
  const limited =
    e.status === 429 ||
    (e.status === 403 && /secondary rate/i.test(e.message ?? ""));
  if (!limited) return undefined;
  const after = Number(e.response?.headers?.["retry-after"] ?? 60);
  return (
    Math.min(Number.isFinite(after) ? after : 60, 120) * limits.retryAfterUnitMs
  );
}
