import type { Finding } from "../findings/finding.js";
import type { RenderedTarget } from "../render/RenderTarget.js";

/**
 * Fail closed on renders: a target that could not be rendered was not
 * checked, so unless a renderer already said so with an error, the gate
 * adds one (a remote base refused with only a notice must not let the
 * rest of the change through unchecked).
 */
export function failClosedFindings(
  targets: readonly RenderedTarget[],
): Finding[] {
  return targets
    .filter((t) => !t.ok && !t.findings.some((f) => f.severity === "error"))
    .map((t) => ({
      check: "render",
      ruleId: "render/not-checked",
      severity: "error",
      message:
        `${t.target.id} could not be rendered, so nothing it deploys was ` +
        `checked (${reasons(t)}); the gate fails closed`,
      location: { path: t.target.path },
      target: t.target.id,
    }));
}

function reasons(t: RenderedTarget): string {
  const why = t.findings.map((f) => f.ruleId);
  return why.length > 0
    ? `see ${[...new Set(why)].join(", ")}`
    : "no reason given";
}
