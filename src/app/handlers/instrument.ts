import type { GitHub } from "../github/GitHub.js";
import type { AppMetrics } from "../ops/metrics.js";

/**
 * Adds to a delivery's client: a timeout per request (a hung connection
 * becomes an error the retry plugin retries) and metrics for API errors
 * and rate limits.
 */
export function instrument(
  github: GitHub,
  metrics: AppMetrics,
  timeoutMs: number,
): void {
  github.hook.before("request", (options) => {
    const signal = AbortSignal.timeout(timeoutMs);
    options.request = { ...options.request, signal };
  });
  github.hook.error("request", (error) => {
    const e = error as { status?: number; message?: string };
    const status = String(e.status ?? "none");
    metrics.apiErrors.inc({ status });
    if (e.status === 429 || /rate limit/i.test(e.message ?? "")) {
      metrics.rateLimits.inc({
        kind: /secondary/i.test(e.message ?? "") ? "secondary" : "primary",
      });
    }
    throw error;
  });
}
