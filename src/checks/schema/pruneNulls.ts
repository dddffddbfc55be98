/**
 * Drops `null` map values, as the API server does when it decodes a
 * manifest (`resources: null`, `creationTimestamp: null` from
 * `kubectl create --dry-run -o yaml`): a null field is an unset field.
 * Nulls inside arrays are kept (they are real errors). Copies only the
 * branches that change, so clean objects are returned as they are.
 */
export function pruneNulls(value: unknown): unknown {
  if (Array.isArray(value)) return pruneArray(value);
  if (typeof value !== "object" || value === null) return value;
  let copy: Record<string, unknown> | undefined;
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const v = source[key];
    const pruned = v === null ? undefined : pruneNulls(v);
    if (pruned === v) continue;
    copy ??= { ...source };
    if (pruned === undefined) delete copy[key];
    else copy[key] = pruned;
  }
  return copy ?? value;
}

function pruneArray(list: unknown[]): unknown[] {
  let copy: unknown[] | undefined;
  list.forEach((v, i) => {
    const pruned = pruneNulls(v);
    if (pruned === v) return;
    copy ??= [...list];
    copy[i] = pruned;
  });
  return copy ?? list;
}
