import type { Location } from "../../findings/finding.js";
import type { FieldPath } from "../../manifests/Resource.js";
import { isDeepStrictEqual } from "node:util";
import { isObject } from "../../manifests/toResources.js";
import type { SourceIndex } from "../locate/SourceIndex.js";

/** Why a values line found by equal content is approximate. */
export const EQUAL_VALUES_NOTE =
  "matched by content: the rendered block equals these values";

/** How many values nodes one search visits, at most. */
const MAX_NODES = 5000;

/**
 * Where the values set `field` of a rendered object when the template
 * copied a whole block of values (`toYaml .Values.x`) that the field sits
 * in: the deepest block of the object that equals a block of the merged
 * values files (a map or list with content) names the values key, and the
 * most specific file that sets the field below it gives the line. A guess
 * by content, so marked approximate.
 *
 * @param valueFiles - repo paths, lowest precedence first, loaded in `index`
 */
export function valuesByEquality(
  object: unknown,
  field: FieldPath,
  valueFiles: readonly string[],
  index: SourceIndex,
): Location | undefined {
  const docs = valueFiles.flatMap((f) => index.documents(f).slice(0, 1));
  // An empty values file changes nothing.
  const merged = docs
    .filter((d) => isObject(d.value))
    .reduce<unknown>((a, d) => merge(a, d.value), {});
  for (let n = field.length; n > 0; n--) {
    const block = valueAt(object, field.slice(0, n));
    if (!hasContent(block)) continue;
    const at = findEqual(merged, block);
    if (!at) continue;
    const keys = [...at, ...field.slice(n)];
    for (const doc of [...docs].reverse()) {
      if (valueAt(doc.value, keys) === undefined) continue;
      return { ...doc.locate(keys), approximate: EQUAL_VALUES_NOTE };
    }
  }
  return undefined;
}

/** Helm's merge of values files: maps merge, anything else replaces. */
function merge(a: unknown, b: unknown): unknown {
  if (!isObject(a) || !isObject(b)) return b === undefined ? a : b;
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = merge(a[k], v);
  return out;
}

function hasContent(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return isObject(v) && Object.keys(v).length > 0;
}

/** The key path of the first node of `values` deep-equal to `block`. */
function findEqual(
  values: unknown,
  block: unknown,
): (string | number)[] | undefined {
  let visited = 0;
  const walk = (
    v: unknown,
    path: (string | number)[],
  ): typeof path | undefined => {
    if (++visited > MAX_NODES) return undefined;
    if (path.length > 0 && isDeepStrictEqual(v, block)) return path;
    const entries = children(v);
    for (const [k, x] of entries) {
      const found = walk(x, [...path, k]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(values, []);
}

function children(v: unknown): [string | number, unknown][] {
  if (Array.isArray(v)) return v.map((x, i) => [i, x]);
  return isObject(v) ? Object.entries(v) : [];
}

function valueAt(v: unknown, path: FieldPath): unknown {
  let cur = v;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === "number") cur = cur[seg];
    else if (isObject(cur) && typeof seg === "string") cur = cur[seg];
    else return undefined;
  }
  return cur;
}
