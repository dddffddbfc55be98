import { isObject } from "../../manifests/toResources.js";
import {
  AppSetNotice,
  deepMerge,
  substitute,
  type Generated,
  type Params,
} from "./appSetParams.js";
import { generateParams, kindOf, type GenContext } from "./generateParams.js";

export { substitute } from "./appSetParams.js";

/** An Application an ApplicationSet would create. */
export interface GeneratedApp {
  app: Record<string, unknown>;
  /** Repo files the generator read (git file generator). */
  read: string[];
}

/** The expansion of an ApplicationSet, and what could not be expanded. */
export interface AppSetExpansion {
  apps: GeneratedApp[];
  notices: string[];
}

/**
 * Expands an ApplicationSet's generators over this repository into
 * Applications: list, git (directories, files), and matrix and merge
 * combining those, each filtered by its `selector`; then substitutes the
 * template's `{{param}}` (or, with `goTemplate`, `{{.param.path}}`)
 * placeholders. Other generators, git generators on other repositories
 * and invalid combinations become notices.
 */
export async function expandAppSet(
  appset: Record<string, unknown>,
  files: readonly string[],
  repoURLs: readonly string[],
  read: (path: string) => Promise<Buffer>,
): Promise<AppSetExpansion> {
  const spec = isObject(appset["spec"]) ? appset["spec"] : {};
  const ctx: GenContext = {
    files,
    read,
    repoURLs,
    go: spec["goTemplate"] === true,
    nestedSelectors: spec["applyNestedSelectors"] === true,
  };
  const template = isObject(spec["template"]) ? spec["template"] : {};
  const out: AppSetExpansion = { apps: [], notices: [] };
  const gens = Array.isArray(spec["generators"]) ? spec["generators"] : [];
  for (const gen of gens.filter(isObject)) {
    const got = await topLevel(gen, ctx);
    if (typeof got === "string") {
      out.notices.push(got);
      continue;
    }
    const own = generatorTemplate(gen);
    for (const { params, read: used } of got) {
      const app = substitute(deepMerge(template, own), params, ctx.go);
      out.apps.push({
        app: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Application",
          ...(app as Params),
        },
        read: used,
      });
    }
  }
  return dropDuplicates(out);
}

/**
 * Argo CD refuses an ApplicationSet generating two Applications with the
 * same name: keep the first of each name, and say so.
 */
function dropDuplicates(exp: AppSetExpansion): AppSetExpansion {
  const seen = new Set<string>();
  const dups = new Set<string>();
  const apps = exp.apps.filter(({ app }) => {
    const meta = isObject(app["metadata"]) ? app["metadata"] : {};
    const name = String(meta["name"] ?? "");
    const first = !seen.has(name);
    if (first) seen.add(name);
    else dups.add(name);
    return first;
  });
  const notices = [...dups].map(
    (n) =>
      `generates more than one Application named "${n}"; Argo CD refuses duplicate names (only the first is rendered)`,
  );
  return { apps, notices: [...exp.notices, ...notices] };
}

async function topLevel(
  gen: Params,
  ctx: GenContext,
): Promise<Generated | string> {
  try {
    return await generateParams(gen, ctx, 0);
  } catch (err) {
    if (!(err instanceof AppSetNotice)) throw err;
    const kind = Object.keys(gen).find((k) => k === "matrix" || k === "merge");
    return kind
      ? `${kind} generator was not expanded: ${err.message}`
      : err.message;
  }
}

/**
 * A top-level generator's own `template`, which overrides the
 * ApplicationSet's field by field (Argo CD ignores it on children of a
 * matrix or merge).
 */
function generatorTemplate(gen: Params): Params {
  try {
    const spec = gen[kindOf(gen)];
    return isObject(spec) && isObject(spec["template"]) ? spec["template"] : {};
  } catch (err) {
    if (err instanceof AppSetNotice) return {};
    throw err;
  }
}
