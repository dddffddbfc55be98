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

/**
 * Files a source of a fetched chart names inside that chart (value files
 * that are not `$ref/…`, `fileParameters`): the gate does not read into
 * the archive, so such a source is a notice, not a partial render.
 */
export function fetchedChartFiles(
  h: Record<string, unknown>,
): { field: string; message: string } | undefined {
  const files = Array.isArray(h["valueFiles"]) ? h["valueFiles"] : [];
  const inside = files.map(String).find((v) => !v.startsWith("$"));
  const params = Array.isArray(h["fileParameters"]) ? h["fileParameters"] : [];
  if (inside === undefined && params.length === 0) return undefined;
  const what =
    inside === undefined ? "fileParameters" : `values file "${inside}"`;
  return {
    field: inside === undefined ? "fileParameters" : "valueFiles",
    message:
      `${what} of a fetched chart is read from inside that chart, which ` +
      "the gate does not do; this source is not rendered",
  };
}
