import type { Finding } from "../../findings/finding.js";

/**
 * A template path in helm's errors, in each form helm prints it:
 * `execution error at (web/templates/x.yaml:4:11)`, `parse error at
 * (web/templates/x.yaml:7)`, `Error: web/templates/x.yaml:6:15` and
 * `YAML parse error on web/templates/x.yaml` (no line: the line helm
 * names there is one of the rendered output). Subcharts appear as
 * `web/charts/db/templates/…`.
 */
const TEMPLATE_AT =
  /(?:^|[\s(])[\w.-]+\/((?:charts\/[\w.-]+\/)*templates\/[^():\s]+?)(?::(\d+)(?::\d+)?)?(?=[)\s:]|$)/m;

/**
 * Moves a helm failure (a failing `required`, `fail`, bad template) from
 * the app or values file to the template helm names, at its line when
 * helm gives one: that is where the user reads why. The chart name in
 * helm's path is replaced by the chart's folder in the repository.
 */
export function pointAtTemplate(failure: Finding, chartDir: string): Finding {
  const m = TEMPLATE_AT.exec(failure.message);
  if (!m) return failure;
  const path = `${chartDir ? `${chartDir}/` : ""}${m[1]}`;
  const message = `${failure.message} (rendered for ${failure.location.path})`;
  const location = m[2] ? { path, line: Number(m[2]) } : { path };
  return { ...failure, message, location };
}
