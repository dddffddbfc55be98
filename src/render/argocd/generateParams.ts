import { parse } from "yaml";
import { isObject } from "../../manifests/toResources.js";
import { isThisRepo } from "../apps/sameRepo.js";
import {
  AppSetNotice,
  checkCount,
  substitute,
  type Generated,
  type Params,
} from "./appSetParams.js";
import { matrixParams, mergeParams } from "./combineGenerators.js";
import { gitParams, type GitContext } from "./gitGenerator.js";
import { matchesSelector } from "./matchSelector.js";

/** What expanding generators needs. */
export interface GenContext extends GitContext {
  /** URLs naming this repository (git generators on others are notices). */
  repoURLs: readonly string[];
  /** `spec.applyNestedSelectors`: apply selectors of nested children. */
  nestedSelectors: boolean;
}

/**
 * The parameter sets of one generator entry, filtered by its `selector`.
 * `depth` is 0 for `spec.generators`, 1 for a matrix's or merge's
 * children, 2 for a nested matrix's or merge's; `inherited` are a matrix
 * first child's parameters, substituted into this generator's spec.
 * Throws {@link AppSetNotice} for what the gate cannot expand.
 */
export async function generateParams(
  gen: Params,
  ctx: GenContext,
  depth: number,
  inherited?: Params,
): Promise<Generated> {
  const kind = kindOf(gen);
  const combination = kind === "matrix" || kind === "merge";
  if (combination && depth >= 2)
    throw new AppSetNotice(
      `combination-type generators can only be nested once: found ${kind} inside a nested matrix or merge`,
    );
  const interpolate = inherited !== undefined && kind !== "matrix";
  const spec = interpolate
    ? substitute(gen[kind], inherited, ctx.go)
    : gen[kind];
  if (!isObject(spec)) throw new AppSetNotice(`${kind} generator is not a map`);
  const out = await byKind(kind, spec, ctx, depth, inherited);
  checkCount(kind, out.length);
  if (depth >= 2 && !ctx.nestedSelectors) return out;
  const selector = interpolate
    ? substitute(gen["selector"], inherited, ctx.go)
    : gen["selector"];
  return out.filter((g) => matchesSelector(selector, g.params));
}

/** The generator kind an entry names (`list`, `git`, `matrix`, …). */
export function kindOf(gen: Params): string {
  const kinds = Object.keys(gen).filter(
    (k) => k !== "selector" && gen[k] !== null && gen[k] !== undefined,
  );
  if (kinds.length !== 1)
    throw new AppSetNotice(
      kinds.length === 0
        ? "generator entry names no generator"
        : `generator entry names more than one generator (${kinds.join(", ")}); Argo CD rejects it`,
    );
  return kinds[0] as string;
}

async function byKind(
  kind: string,
  spec: Params,
  ctx: GenContext,
  depth: number,
  inherited?: Params,
): Promise<Generated> {
  switch (kind) {
    case "list":
      return listParams(spec, ctx.go);
    case "git":
      if (!isThisRepo(spec["repoURL"], ctx.repoURLs))
        throw new AppSetNotice(
          `git generator on ${String(spec["repoURL"])} (not this repository) was not expanded`,
        );
      return gitParams(spec, ctx);
    case "matrix":
      return matrixParams(
        spec,
        ctx.go,
        (g, inh) => generateParams(g, ctx, depth + 1, inh),
        inherited,
      );
    case "merge":
      return mergeParams(spec, ctx.go, (g) =>
        generateParams(g, ctx, depth + 1),
      );
    default:
      throw new AppSetNotice(
        `generator "${kind}" is not expanded by the gate; its Applications are not rendered`,
      );
  }
}

/**
 * List `elements` (and `elementsYaml`, a YAML list) as parameter sets.
 * Without `goTemplate` Argo CD wants string values, and an element's
 * `values` map becomes `values.<key>` parameters.
 */
function listParams(list: Params, go: boolean): Generated {
  const elements = Array.isArray(list["elements"]) ? list["elements"] : [];
  const sets = elements.filter(isObject).map((e) => (go ? e : flatList(e)));
  return [...sets, ...elementsYaml(list["elementsYaml"])].map((params) => ({
    params,
    read: [],
  }));
}

function flatList(element: Params): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(element)) {
    if (k === "values") {
      if (!isObject(v))
        throw new AppSetNotice('list element "values" is not a map');
      for (const [vk, vv] of Object.entries(v))
        out[`values.${vk}`] = stringValue(`values.${vk}`, vv);
    } else out[k] = stringValue(k, v);
  }
  return out;
}

function stringValue(key: string, v: unknown): string {
  if (typeof v === "string") return v;
  throw new AppSetNotice(
    `list element "${key}" is a ${v === null ? "null" : typeof v}, not a string: without goTemplate Argo CD refuses it`,
  );
}

function elementsYaml(text: unknown): Params[] {
  if (typeof text !== "string" || text.trim() === "") return [];
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100, logLevel: "error" });
  } catch (err) {
    throw new AppSetNotice(
      `list elementsYaml is not valid YAML: ${(err as Error).message}`,
      { cause: err },
    );
  }
  if (!Array.isArray(data) || !data.every(isObject))
    throw new AppSetNotice("list elementsYaml is not a YAML list of maps");
  return data;
}
