import picomatch from "picomatch";
import { parse } from "yaml";
import { isObject } from "../../manifests/toResources.js";
import { isThisRepo } from "../apps/sameRepo.js";

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

type Params = Record<string, unknown>;

/**
 * Expands an ApplicationSet's list and git (directory, file) generators
 * over this repository into Applications, substituting the template's
 * `{{param}}` (or, with `goTemplate`, `{{.param.path}}`) placeholders.
 * Other generators, and git generators on other repositories, become
 * notices.
 */
export async function expandAppSet(
  appset: Record<string, unknown>,
  files: readonly string[],
  repoURLs: readonly string[],
  read: (path: string) => Promise<Buffer>,
): Promise<AppSetExpansion> {
  const spec = isObject(appset["spec"]) ? appset["spec"] : {};
  const goTemplate = spec["goTemplate"] === true;
  const template = isObject(spec["template"]) ? spec["template"] : {};
  const out: AppSetExpansion = { apps: [], notices: [] };
  const gens = Array.isArray(spec["generators"]) ? spec["generators"] : [];
  for (const gen of gens.filter(isObject)) {
    const got = await generate(gen, files, repoURLs, read, goTemplate);
    if (typeof got === "string") {
      out.notices.push(got);
      continue;
    }
    for (const { params, read: used } of got) {
      const app = substitute(template, params, goTemplate) as Params;
      out.apps.push({
        app: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Application",
          ...app,
        },
        read: used,
      });
    }
  }
  return out;
}

type Generated = { params: Params; read: string[] }[];

async function generate(
  gen: Params,
  files: readonly string[],
  repoURLs: readonly string[],
  read: (path: string) => Promise<Buffer>,
  go: boolean,
): Promise<Generated | string> {
  if (isObject(gen["list"])) {
    const elements = Array.isArray(gen["list"]["elements"])
      ? gen["list"]["elements"]
      : [];
    return elements.filter(isObject).map((e) => ({ params: e, read: [] }));
  }
  const git = gen["git"];
  if (!isObject(git)) {
    const kind = Object.keys(gen)[0] ?? "unknown";
    return `generator "${kind}" is not expanded by the gate; its Applications are not rendered`;
  }
  if (!isThisRepo(git["repoURL"], repoURLs)) {
    return `git generator on ${String(git["repoURL"])} (not this repository) was not expanded`;
  }
  if (Array.isArray(git["directories"]))
    return gitDirectories(git["directories"], files, go);
  if (Array.isArray(git["files"]))
    return gitFiles(git["files"], files, read, go);
  return "git generator without directories or files was not expanded";
}

function gitDirectories(
  entries: unknown[],
  files: readonly string[],
  go: boolean,
): Generated {
  const dirs = new Set<string>();
  for (const f of files) {
    const parts = f.split("/");
    for (let i = 1; i < parts.length; i++)
      dirs.add(parts.slice(0, i).join("/"));
  }
  const rules = entries.filter(isObject).map((e) => ({
    match: picomatch(String(e["path"] ?? "")),
    exclude: e["exclude"] === true,
  }));
  const chosen = [...dirs]
    .sort()
    .filter(
      (d) =>
        rules.some((r) => !r.exclude && r.match(d)) &&
        !rules.some((r) => r.exclude && r.match(d)),
    );
  return chosen.map((d) => ({ params: pathParams(d, go), read: [] }));
}

async function gitFiles(
  entries: unknown[],
  files: readonly string[],
  read: (path: string) => Promise<Buffer>,
  go: boolean,
): Promise<Generated> {
  const matchers = entries
    .filter(isObject)
    .map((e) => picomatch(String(e["path"] ?? "")));
  const out: Generated = [];
  for (const file of files.filter((f) => matchers.some((m) => m(f)))) {
    const data: unknown = parse((await read(file)).toString("utf8"), {
      maxAliasCount: 100,
    });
    const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
    for (const item of Array.isArray(data) ? data : [data]) {
      if (!isObject(item)) continue;
      const flat = go ? item : flatten(item);
      out.push({
        params: { ...flat, ...pathParams(dir, go, file) },
        read: [file],
      });
    }
  }
  return out;
}

function pathParams(dir: string, go: boolean, file?: string): Params {
  const segments = dir === "" ? [] : dir.split("/");
  const basename = segments[segments.length - 1] ?? "";
  const normalized = basename.toLowerCase().replace(/[^a-z0-9-.]/g, "-");
  if (go) {
    const path: Params = {
      path: dir,
      basename,
      basenameNormalized: normalized,
      segments,
    };
    if (file) path["filename"] = file.slice(file.lastIndexOf("/") + 1);
    return { path };
  }
  const p: Params = {
    path: dir,
    "path.basename": basename,
    "path.basenameNormalized": normalized,
  };
  segments.forEach((s, i) => (p[`path[${i}]`] = s));
  if (file) p["path.filename"] = file.slice(file.lastIndexOf("/") + 1);
  return p;
}

function flatten(obj: Params, prefix = ""): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(obj)) {
    if (isObject(v)) Object.assign(out, flatten(v, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

/** Replaces placeholders in every string of `value`. */
export function substitute(
  value: unknown,
  params: Params,
  go: boolean,
): unknown {
  if (typeof value === "string")
    return go ? goReplace(value, params) : fastReplace(value, params);
  if (Array.isArray(value)) return value.map((v) => substitute(v, params, go));
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, substitute(v, params, go)]),
    );
  }
  return value;
}

function fastReplace(s: string, params: Params): string {
  return s.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (all, key: string) =>
    key in params ? String(params[key]) : all,
  );
}

function goReplace(s: string, params: Params): string {
  return s.replace(/\{\{\s*\.([A-Za-z0-9_.]+)\s*\}\}/g, (all, key: string) => {
    let v: unknown = params;
    for (const k of key.split(".")) v = isObject(v) ? v[k] : undefined;
    return v === undefined || isObject(v) ? all : String(v);
  });
}
