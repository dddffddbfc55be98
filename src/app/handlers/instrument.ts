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
 * Adds to a delivery's client: a timeout per request (a hung connection
 * becomes an error the retry plugin retries), metrics for API errors and
 * rate limits, and retries with backoff on secondary rate limits, which
 * Probot's default throttle handler only logs.
 */
export function instrument(
  github: GitHub,
  metrics: AppMetrics,
  limits: ClientLimits,
): void {
  github.hook.before("request", (options) => {
    const signal = AbortSignal.timeout(limits.requestTimeoutMs);
    options.request = { ...options.request, signal };
  });
  github.hook.error("request", (error) => {
    count(metrics, error as ErrorFacts);
    throw error;
  });
  github.hook.wrap("request", async (request, options) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await request(options);
      } catch (err) {
        const wait = secondaryWait(err as ErrorFacts, limits);
        if (wait === undefined || attempt >= limits.rateLimitRetries) throw err;
        await new Promise((r) => setTimeout(r, wait * (attempt + 1)));
      }
    }
  });
}

function count(metrics: AppMetrics, e: ErrorFacts): void {
  metrics.apiErrors.inc({ status: String(e.status ?? "none") });
  if (e.status === 429 || /rate limit/i.test(e.message ?? "")) {
    const secondary = /secondary/i.test(e.message ?? "");
    metrics.rateLimits.inc({ kind: secondary ? "secondary" : "primary" });
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
