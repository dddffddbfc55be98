import type { Verdict } from "../../gate/Verdict.js";
import type { RenderDiff } from "../../render/diff/RenderDiff.js";
import { renderDiffMarkdown } from "../../report/renderDiffMarkdown.js";

/**
 * The rendered diff of a verdict as collapsed Markdown, when the gate
 * produced one (`Verdict.diff` is typed `unknown` at the gate's edge).
 */
export function diffMarkdownOf(verdict: Verdict): string | undefined {
  const diff = verdict.diff;
  if (!isRenderDiff(diff)) return undefined;
  return renderDiffMarkdown(diff);
}

function isRenderDiff(value: unknown): value is RenderDiff {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<RenderDiff>;
  return Array.isArray(v.targets) && typeof v.summary === "object";
}
