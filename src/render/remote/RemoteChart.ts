import type { Config } from "../../config/schema.js";

/** The `render.remote` config section. */
export type RemoteConfig = Config["render"]["remote"];

/**
 * A Helm chart in a chart repository, as an app object names it.
 *
 * @example
 * { repo: "https://stefanprodan.github.io/podinfo", chart: "podinfo",
 *   version: "6.x", oci: false }
 * { repo: "oci://ghcr.io/stefanprodan/charts", chart: "podinfo",
 *   version: "6.5.0", oci: true }
 */
export interface RemoteChart {
  /** Index URL (`https://…`) or OCI repository (`oci://host/path`). */
  repo: string;
  chart: string;
  /** Exact version or semver range; undefined or `*` for the latest. */
  version?: string;
  /** Set for OCI: helm pulls `<repo>/<chart>`, no index. */
  oci: boolean;
}

/** Cache key of a chart: the same (repo, chart, version) is one fetch. */
export function chartKey(c: RemoteChart): string {
  return JSON.stringify([c.repo.replace(/\/+$/, ""), c.chart, c.version ?? ""]);
}

/** `host` and `host:port` (lower case) of a chart repository URL. */
export function repoHost(repo: string): { host: string; hostPort: string } {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/]*@)?([^/?#]+)/i.exec(repo);
  const hostPort = (m?.[1] ?? "").toLowerCase();
  const host = hostPort.replace(/:\d+$/, "");
  return { host, hostPort };
}

/** True when `entry` (`host` or `host:port`) names the chart's host. */
function names(entry: string, repo: string): boolean {
  const { host, hostPort } = repoHost(repo);
  const e = entry.trim().toLowerCase();
  return e === host || e === hostPort;
}

/** True when `render.remote.allow` lets the gate fetch from `repo`. */
export function isAllowed(
  repo: string,
  remote: Pick<RemoteConfig, "allow">,
): boolean {
  return remote.allow.some((e) => names(e, repo));
}

/** True when config says the registry of `repo` speaks plain HTTP. */
export function isPlainHttp(
  repo: string,
  remote: Pick<RemoteConfig, "insecure">,
): boolean {
  return remote.insecure.some((e) => names(e, repo));
}

/** Human name of a chart for messages: `podinfo 6.x from host`. */
export function describeChart(c: RemoteChart): string {
  const v = c.version && c.version !== "*" ? ` ${c.version}` : "";
  return `chart "${c.chart}"${v} from ${repoHost(c.repo).hostPort}`;
}
