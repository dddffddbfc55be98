import {
  isPlainHttp,
  type RemoteChart,
  type RemoteConfig,
} from "./RemoteChart.js";

/**
 * The `helm pull` arguments that download `chart` as one archive into
 * `dest`: `--repo` for an index, `oci://…/<chart>` for a registry. The
 * version is passed as written, so semver ranges resolve as in Flux and
 * Argo CD; `*` or none means the latest stable version.
 */
export function helmPullArgs(
  chart: RemoteChart,
  dest: string,
  remote: Pick<RemoteConfig, "insecure">,
): string[] {
  const args = ["pull"];
  if (chart.oci) {
    const base = chart.repo.replace(/\/+$/, "");
    const url = /^oci:\/\//i.test(base) ? base : `oci://${base}`;
    // An OCIRepository may pin a digest instead of a version.
    const digest = chart.version?.startsWith("sha256:");
    args.push(`${url}/${chart.chart}${digest ? `@${chart.version}` : ""}`);
    if (isPlainHttp(chart.repo, remote)) args.push("--plain-http");
  } else {
    args.push(chart.chart, "--repo", chart.repo);
  }
  const v = chart.version;
  if (v && v !== "*" && !v.startsWith("sha256:")) args.push("--version", v);
  args.push("--destination", dest);
  return args;
}
