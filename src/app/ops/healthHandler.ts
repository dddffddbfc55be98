import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";

/**
 * Serves `GET /healthz` (liveness: the process answers) and `GET /metrics`
 * (Prometheus text format) next to Probot's webhook route. Returns false
 * for any other request so Probot's handlers get it.
 */
export function healthHandler(registry: Registry) {
  return async (
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<boolean> => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (path === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "ok" }));
      return true;
    }
    if (path === "/metrics") {
      const body = await registry.metrics();
      res.writeHead(200, { "content-type": registry.contentType });
      res.end(body);
      return true;
    }
    return false;
  };
}
