import type { Location } from "../findings/finding.js";

/** `path:line` (or just `path`), as editors and terminals link it. */
export function formatLocation(loc: Location): string {
  return loc.line ? `${loc.path}:${loc.line}` : loc.path;
}
