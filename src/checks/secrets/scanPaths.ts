import type { ScanManyFn } from "./scanMany.js";
import type { Candidate } from "./types.js";
import { isPlaceholder } from "./placeholders.js";

/**
 * Secrets in file names: every output shows paths, and a path stays in the
 * history like content does. The paths are scanned as one text, one per
 * line; a hit is reported on the file it names, at line 1.
 */
export async function scanPaths(
  paths: readonly string[],
  scan: ScanManyFn,
): Promise<Candidate[]> {
  if (paths.length === 0) return [];
  const [hits = []] = await scan([
    { path: "paths.txt", text: paths.join("\n") },
  ]);
  return hits
    .filter((h) => !isPlaceholder(h.value))
    .flatMap((hit) => {
      const path = paths[hit.line - 1];
      if (path === undefined) return [];
      const c: Candidate = {
        ruleId: hit.ruleId,
        title: hit.title,
        path,
        line: 1,
        value: hit.value,
        where: "the file's name",
        severity: "error",
      };
      return [c];
    });
}
