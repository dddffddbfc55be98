import { Counter, Histogram, Registry } from "prom-client";

/** The app's Prometheus metrics, on their own registry. */
export interface AppMetrics {
  registry: Registry;
  deliveries: Counter<"event" | "outcome">;
  stageSeconds: Histogram<"stage">;
  findings: Counter<"check" | "severity">;
  conclusions: Counter<"conclusion">;
  apiErrors: Counter<"status">;
  rateLimits: Counter<"kind">;
}

/**
 * Creates the metrics on a fresh registry (never the global one, so tests
 * and several apps in one process do not collide).
 */
export function createMetrics(registry = new Registry()): AppMetrics {
  const registers = [registry];
  return {
    registry,
    deliveries: new Counter({
      name: "gitops_gate_deliveries_total",
      help: "Webhook deliveries handled, by event and outcome.",
      labelNames: ["event", "outcome"],
      registers,
    }),
    stageSeconds: new Histogram({
      name: "gitops_gate_stage_duration_seconds",
      help: "Time spent per job stage.",
      labelNames: ["stage"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers,
    }),
    findings: new Counter({
      name: "gitops_gate_findings_total",
      help: "Findings reported, by check and severity.",
      labelNames: ["check", "severity"],
      registers,
    }),
    conclusions: new Counter({
      name: "gitops_gate_check_runs_total",
      help: "Check runs completed, by conclusion.",
      labelNames: ["conclusion"],
      registers,
    }),
    apiErrors: new Counter({
      name: "gitops_gate_github_api_errors_total",
      help: "GitHub API requests that failed, by HTTP status.",
      labelNames: ["status"],
      registers,
    }),
    rateLimits: new Counter({
      name: "gitops_gate_github_rate_limited_total",
      help: "GitHub API responses that hit a rate limit.",
      labelNames: ["kind"],
      registers,
    }),
  };
}
