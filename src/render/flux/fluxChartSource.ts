import { isObject } from "../../manifests/toResources.js";
import { ofKind, type FoundObject } from "../apps/scanObjects.js";
import {
  isAllowed,
  repoHost,
  type RemoteChart,
  type RemoteConfig,
} from "../remote/RemoteChart.js";

/** Where a HelmRelease's remote chart comes from, as far as the repo says. */
export type FluxChartSource =
  { fetch: RemoteChart; sourceFile: string } | { notice: string };

const SOURCE_GROUP = "source.toolkit.fluxcd.io";

/**
 * Resolves a HelmRelease chart that is not in this repository: from a
 * HelmRepository (`spec.chart.spec.sourceRef`, an http(s) index or `type:
 * oci`) or an OCIRepository (`spec.chartRef`), when that source object is
 * in the repository and its host is in `render.remote.allow`. Anything
 * else is a notice (`what` names the chart as the notice says it).
 */
export function fluxChartSource(
  spec: Record<string, unknown>,
  ns: string,
  objects: readonly FoundObject[],
  remote: Pick<RemoteConfig, "allow">,
  what: string,
): FluxChartSource {
  const unfetched = {
    notice: `${what} is not in this repository; it was not fetched or rendered`,
  };
  const chart = chartOf(spec, ns, objects);
  if (!chart) return unfetched;
  if (!isAllowed(chart.fetch.repo, remote)) {
    const host = repoHost(chart.fetch.repo).hostPort;
    return {
      notice:
        `${what} comes from ${host}, which is not in render.remote.allow; ` +
        "it was not fetched or rendered",
    };
  }
  return chart;
}

function chartOf(
  spec: Record<string, unknown>,
  ns: string,
  objects: readonly FoundObject[],
): { fetch: RemoteChart; sourceFile: string } | undefined {
  const tmpl = isObject(spec["chart"]) ? spec["chart"]["spec"] : undefined;
  if (isObject(tmpl)) {
    const repo = sourceObject(tmpl["sourceRef"], "HelmRepository", ns, objects);
    const url = repo && specOf(repo)["url"];
    if (!repo || typeof url !== "string" || typeof tmpl["chart"] !== "string")
      return undefined;
    const oci = specOf(repo)["type"] === "oci" || /^oci:\/\//i.test(url);
    const version = typeof tmpl["version"] === "string" ? tmpl["version"] : "*";
    return {
      fetch: { repo: url, chart: tmpl["chart"], version, oci },
      sourceFile: repo.file,
    };
  }
  const oci = sourceObject(spec["chartRef"], "OCIRepository", ns, objects);
  const url = oci && specOf(oci)["url"];
  if (!oci || typeof url !== "string") return undefined;
  const m = /^(oci:\/\/.+)\/([^/]+)$/i.exec(url.replace(/\/+$/, ""));
  if (!m?.[1] || !m[2]) return undefined;
  const version = ociVersion(specOf(oci)["ref"]);
  return {
    fetch: {
      repo: m[1],
      chart: m[2],
      oci: true,
      ...(version ? { version } : {}),
    },
    sourceFile: oci.file,
  };
}

/** OCIRepository `ref`: digest wins over semver, semver over tag. */
function ociVersion(ref: unknown): string | undefined {
  if (!isObject(ref)) return undefined;
  for (const k of ["digest", "semver", "tag"]) {
    if (typeof ref[k] === "string") return ref[k];
  }
  return undefined;
}

function sourceObject(
  ref: unknown,
  kind: string,
  ns: string,
  objects: readonly FoundObject[],
): FoundObject | undefined {
  if (!isObject(ref) || ref["kind"] !== kind) return undefined;
  const refNs = typeof ref["namespace"] === "string" ? ref["namespace"] : ns;
  return ofKind(objects, SOURCE_GROUP, kind).find(
    (o) => o.name === ref["name"] && (o.namespace ?? "default") === refNs,
  );
}

function specOf(o: FoundObject): Record<string, unknown> {
  return isObject(o.object["spec"]) ? o.object["spec"] : {};
}
