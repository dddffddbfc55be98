import type { RemoteChart } from "../remote/RemoteChart.js";

/**
 * The chart an Argo CD source with `chart:` names. `repoURL` is an index
 * (`https://…`, `http://…`) or an OCI repository, written `oci://host/path`
 * or, as Argo CD also takes it, bare `host/path`. `targetRevision` is the
 * version, exact or a semver range; none or `*` means the latest.
 *
 * @example
 * argoChart({ repoURL: "ghcr.io/org/charts", chart: "web",
 *   targetRevision: "1.*" })
 * // { repo: "oci://ghcr.io/org/charts", chart: "web", version: "1.*",
 * //   oci: true }
 */
export function argoChart(
  s: Record<string, unknown> & { chart: string },
): RemoteChart {
  const url = String(s["repoURL"] ?? "").replace(/\/+$/, "");
  const http = /^https?:\/\//i.test(url);
  const repo = http || /^oci:\/\//i.test(url) ? url : `oci://${url}`;
  const rev = s["targetRevision"];
  const version = typeof rev === "string" && rev !== "" ? rev : undefined;
  return { repo, chart: s.chart, oci: !http, ...(version ? { version } : {}) };
}
