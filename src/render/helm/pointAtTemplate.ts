import type { Finding } from "../../findings/finding.js";

/** `(chart/templates/x.yaml:4:11)` in helm's execution errors. */
const TEMPLATE_AT = /\(([\w.-]+)\/(templates\/[^():\s]+):(\d+):\d+\)/;

/**
 * Moves a helm failure (a failing `required`, `fail`, bad template) from
 * the app or values file to the template line helm names, when it names
 * one: that is where the user reads why. The chart name in helm's path is
 * replaced by the chart's folder in the repository.
 */
export function pointAtTemplate(failure: Finding, chartDir: string): Finding {
  const m = TEMPLATE_AT.exec(failure.message);
  if (!m) return failure;
  const path = `${chartDir ? `${chartDir}/` : ""}${m[2]}`;
  const message = `${failure.message} (rendered for ${failure.location.path})`;
  return { ...failure, message, location: { path, line: Number(m[3]) } };
}
