import type { RenderDiff } from "./RenderDiff.js";

/**
 * Keeps diff text up to `maxBytes` in total (targets in order) and blanks
 * the rest, recording how many resource diffs and lines were cut and
 * where the full diff is. Resources stay listed, so the cut is visible.
 */
export function applyCap(
  diff: RenderDiff,
  maxBytes: number,
  fullDiff: string,
): RenderDiff {
  let used = 0;
  let resources = 0;
  let lines = 0;
  for (const t of diff.targets) {
    for (const r of t.resources) {
      const size = Buffer.byteLength(r.diff);
      if (used + size <= maxBytes) {
        used += size;
        continue;
      }
      resources++;
      lines += r.diff.split("\n").length;
      r.diff = "";
      r.cut = true;
    }
  }
  if (resources > 0) diff.cut = { resources, lines, fullDiff };
  return diff;
}
