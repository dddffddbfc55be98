const CHART = /(^|\/)Chart\.ya?ml$/;

/** A chart directory of the repo. */
export interface ChartDir {
  /** Repo-relative directory (`""` for the root). */
  dir: string;
  /** Every file at or below the directory. */
  files: string[];
}

/**
 * Charts of the repo that are not subcharts (under another chart's
 * `charts/`), with their files.
 */
export function findCharts(files: readonly string[]): ChartDir[] {
  const dirs = files
    .filter((f) => CHART.test(f))
    .map((f) => (f.includes("/") ? f.slice(0, f.lastIndexOf("/")) : ""));
  const under = (d: string, o: string) =>
    d.startsWith(o === "" ? "charts/" : `${o}/charts/`);
  const top = dirs.filter((d) => !dirs.some((o) => under(d, o)));
  return top.sort().map((dir) => ({ dir, files: chartFiles(files, dir) }));
}

/** Files at or below a chart directory. */
export function chartFiles(files: readonly string[], dir: string): string[] {
  const prefix = dir === "" ? "" : `${dir}/`;
  return files.filter((f) => f.startsWith(prefix));
}

/** True when `dir` holds a Chart.yaml. */
export function isChartDir(files: readonly string[], dir: string): boolean {
  const prefix = dir === "" ? "" : `${dir}/`;
  return (
    files.includes(`${prefix}Chart.yaml`) ||
    files.includes(`${prefix}Chart.yml`)
  );
}
