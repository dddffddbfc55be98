type Json = Record<string, unknown>;

const MERGE = "<<";

/**
 * Applies YAML merge keys (`<<: *defaults`, `<<: [*a, *b]`), which
 * kubectl, Argo CD and Flux honour (their YAML is 1.1, where `<<` is a
 * merge) and our YAML 1.2 parser leaves as a key named `<<`: a mapping's
 * own keys win, then the merged mappings in order. Copies only what
 * changes, so objects without merge keys are returned as they are.
 *
 * @example expandMergeKeys({ "<<": { a: 1, b: 2 }, b: 3 }) // { a: 1, b: 3 }
 */
export function expandMergeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return mapArray(value);
  if (!isMap(value)) return value;
  let copy: Json | undefined;
  for (const key of Object.keys(value)) {
    const v = value[key];
    const expanded = key === MERGE ? v : expandMergeKeys(v);
    if (expanded === v) continue;
    copy ??= { ...value };
    copy[key] = expanded;
  }
  const out = copy ?? value;
  return MERGE in out ? merged(out) : out;
}

/** {@link expandMergeKeys} of a manifest: a mapping stays a mapping. */
export function withMergeKeys(object: Json): Json {
  const out = expandMergeKeys(object);
  return isMap(out) ? out : object;
}

function merged(map: Json): Json {
  const { [MERGE]: sources, ...own } = map;
  const list = Array.isArray(sources) ? sources : [sources];
  if (!list.every(isMap)) return map; // not a merge: let the schema say so
  const out: Json = {};
  for (const source of [...list].reverse()) {
    Object.assign(out, expandMergeKeys(source) as Json);
  }
  return Object.assign(out, own);
}

function mapArray(list: unknown[]): unknown[] {
  let copy: unknown[] | undefined;
  list.forEach((v, i) => {
    const expanded = expandMergeKeys(v);
    if (expanded === v) return;
    copy ??= [...list];
    copy[i] = expanded;
  });
  return copy ?? list;
}

function isMap(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
