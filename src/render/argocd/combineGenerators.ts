import { isObject } from "../../manifests/toResources.js";
import {
  AppSetNotice,
  checkCount,
  deepMerge,
  type Generated,
  type Params,
} from "./appSetParams.js";

/**
 * Expands one child generator of a matrix or merge; `inherited` are the
 * parameters its placeholders may use (the matrix's first child's).
 */
export type ExpandChild = (
  gen: Params,
  inherited?: Params,
) => Promise<Generated>;

/**
 * Argo CD's matrix generator: the cartesian product of its two children's
 * parameter sets. The second child is expanded once per parameter set of
 * the first, with those parameters substituted into its spec. With
 * `goTemplate` the sets are deep-merged (the first child's values win);
 * without, a key the two children set to different values is an error.
 */
export async function matrixParams(
  matrix: Params,
  go: boolean,
  child: ExpandChild,
  inherited?: Params,
): Promise<Generated> {
  const gens = children(matrix, "matrix");
  if (gens.length !== 2)
    throw new AppSetNotice(
      `matrix generator needs exactly two child generators, found ${gens.length}`,
    );
  const [first, second] = gens as [Params, Params];
  const out: Generated = [];
  for (const a of await child(first, inherited)) {
    const forSecond = inherited ? combine(a.params, inherited, go) : a.params;
    for (const b of await child(second, forSecond))
      out.push({
        params: combine(a.params, b.params, go),
        read: union(a.read, b.read),
      });
    checkCount("matrix", out.length);
  }
  return out;
}

function combine(first: Params, second: Params, go: boolean): Params {
  if (go) return deepMerge(second, first);
  for (const [k, v] of Object.entries(second)) {
    if (Object.hasOwn(first, k) && String(first[k]) !== String(v))
      throw new AppSetNotice(
        `matrix generator: both child generators set parameter "${k}", to different values (a git generator may need pathParamPrefix)`,
      );
  }
  return { ...first, ...second };
}

/**
 * Argo CD's merge generator: the first child's parameter sets, each
 * overridden in turn by the set of every later child with the same
 * values of `mergeKeys`; later children's unmatched sets are dropped.
 */
export async function mergeParams(
  merge: Params,
  go: boolean,
  child: ExpandChild,
): Promise<Generated> {
  const keys = Array.isArray(merge["mergeKeys"])
    ? merge["mergeKeys"].filter((k): k is string => typeof k === "string")
    : [];
  if (keys.length === 0)
    throw new AppSetNotice(
      "merge generator without mergeKeys was not expanded",
    );
  const gens = children(merge, "merge");
  if (gens.length < 2)
    throw new AppSetNotice(
      `merge generator needs two or more child generators, found ${gens.length}`,
    );
  let base = await child(gens[0] as Params);
  for (let i = 1; i < gens.length; i++) {
    const byKey = indexByKeys(await child(gens[i] as Params), keys, i + 1);
    base = base.map((b) => {
      const o = byKey.get(keyOf(b.params, keys));
      if (!o) return b;
      const params = go
        ? deepMerge(b.params, o.params)
        : { ...b.params, ...o.params };
      return { params, read: union(b.read, o.read) };
    });
  }
  return base;
}

function indexByKeys(
  sets: Generated,
  keys: string[],
  n: number,
): Map<string, Generated[number]> {
  const byKey = new Map<string, Generated[number]>();
  for (const s of sets) {
    const k = keyOf(s.params, keys);
    if (byKey.has(k))
      throw new AppSetNotice(
        `merge generator: child generator ${n} gives two parameter sets with the same mergeKeys (${keys.join(", ")}); they must be unique`,
      );
    byKey.set(k, s);
  }
  return byKey;
}

function keyOf(params: Params, keys: string[]): string {
  return JSON.stringify(keys.map((k) => params[k] ?? null));
}

function children(spec: Params, kind: string): Params[] {
  const gens = Array.isArray(spec["generators"]) ? spec["generators"] : [];
  if (!gens.every(isObject))
    throw new AppSetNotice(`${kind} generator has a child that is not a map`);
  return gens;
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}
