import type { FieldPath } from "../../manifests/Resource.js";
import { isObject } from "../../manifests/toResources.js";

/** How far a field path reaches into another document. */
export interface DepthMatch {
  /** Number of leading segments found. */
  depth: number;
  /** The path as it reads in the other document (list items by name). */
  path: FieldPath;
}

/**
 * Follows `field` (a path into the rendered object) through `source` (the
 * object of a source file or patch). List items are matched by their `name`
 * (as strategic merge does for containers, env, ports) before falling back
 * to the same index.
 */
export function matchDepth(
  rendered: unknown,
  source: unknown,
  field: FieldPath,
): DepthMatch {
  const path: (string | number)[] = [];
  let r = rendered;
  let s = source;
  for (const seg of field) {
    if (typeof seg === "number" && Array.isArray(r) && Array.isArray(s)) {
      const index = sameItem(r[seg], s, seg);
      if (index < 0) break;
      path.push(index);
      r = r[seg];
      s = s[index];
    } else if (typeof seg === "string" && isObject(r) && isObject(s)) {
      if (!(seg in s)) break;
      path.push(seg);
      r = r[seg];
      s = s[seg];
    } else {
      break;
    }
  }
  return { depth: path.length, path };
}

function sameItem(item: unknown, list: unknown[], index: number): number {
  const name = isObject(item) ? item["name"] : undefined;
  if (name !== undefined) {
    return list.findIndex((x) => isObject(x) && x["name"] === name);
  }
  return index < list.length ? index : -1;
}
