import picomatch from "picomatch";
import { parse } from "yaml";
import { isObject } from "../../manifests/toResources.js";
import {
  AppSetNotice,
  flattenParams,
  renderString,
  type Generated,
  type Params,
} from "./appSetParams.js";

/** What a git generator reads: the repo's files, and how to read them. */
export interface GitContext {
  files: readonly string[];
  read: (path: string) => Promise<Buffer>;
  go: boolean;
}

/**
 * Parameter sets of a git generator on this repository: one per matching
 * directory (`directories`) or per object in a matching file (`files`),
 * with Argo CD's `path` parameters (under `pathParamPrefix` if set) and
 * the generator's templated `values`.
 */
export async function gitParams(
  git: Params,
  ctx: GitContext,
): Promise<Generated> {
  const prefix =
    typeof git["pathParamPrefix"] === "string" ? git["pathParamPrefix"] : "";
  let out: Generated;
  if (Array.isArray(git["directories"]) && git["directories"].length > 0)
    out = gitDirectories(git["directories"], ctx, prefix);
  else if (Array.isArray(git["files"]) && git["files"].length > 0)
    out = await gitFiles(git["files"], ctx, prefix);
  else
    throw new AppSetNotice(
      "git generator without directories or files was not expanded",
    );
  const values = isObject(git["values"]) ? git["values"] : {};
  return out.map((g) => ({
    ...g,
    params: withValues(g.params, values, ctx.go),
  }));
}

function rules(
  entries: unknown[],
): { match: (p: string) => boolean; exclude: boolean }[] {
  return entries.filter(isObject).map((e) => ({
    match: picomatch(String(e["path"] ?? "")),
    exclude: e["exclude"] === true,
  }));
}

function selected(paths: Iterable<string>, entries: unknown[]): string[] {
  const rs = rules(entries);
  return [...paths]
    .sort()
    .filter(
      (p) =>
        rs.some((r) => !r.exclude && r.match(p)) &&
        !rs.some((r) => r.exclude && r.match(p)),
    );
}

function gitDirectories(
  entries: unknown[],
  ctx: GitContext,
  prefix: string,
): Generated {
  const dirs = new Set<string>();
  for (const f of ctx.files) {
    const parts = f.split("/");
    for (let i = 1; i < parts.length; i++)
      dirs.add(parts.slice(0, i).join("/"));
  }
  return selected(dirs, entries).map((d) => ({
    params: pathParams(d, ctx.go, prefix),
    read: [],
  }));
}

async function gitFiles(
  entries: unknown[],
  ctx: GitContext,
  prefix: string,
): Promise<Generated> {
  const out: Generated = [];
  for (const file of selected(ctx.files, entries)) {
    let data: unknown;
    try {
      data = parse((await ctx.read(file)).toString("utf8"), {
        maxAliasCount: 100,
        logLevel: "error",
      });
    } catch (err) {
      throw new AppSetNotice(
        `git file generator could not parse ${file}: ${(err as Error).message}`,
        { cause: err },
      );
    }
    const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : ".";
    for (const item of Array.isArray(data) ? data : [data ?? {}]) {
      if (!isObject(item)) continue;
      const own = ctx.go ? item : flattenParams(item);
      out.push({
        params: { ...own, ...pathParams(dir, ctx.go, prefix, file) },
        read: [file],
      });
    }
  }
  return out;
}

/** Argo CD's DNS-safe form of a name (lower case, `[-a-z0-9.]`, trimmed). */
export function sanitizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^-a-z0-9.]/g, "-")
    .slice(0, 253)
    .replace(/^[-.]+|[-.]+$/g, "");
}

function pathFields(dir: string, file?: string): Params {
  const basename = dir.slice(dir.lastIndexOf("/") + 1);
  const p: Params = {
    path: dir,
    basename,
    basenameNormalized: sanitizeName(basename),
  };
  if (file) {
    const filename = file.slice(file.lastIndexOf("/") + 1);
    p["filename"] = filename;
    p["filenameNormalized"] = sanitizeName(filename);
  }
  return p;
}

function pathParams(
  dir: string,
  go: boolean,
  prefix: string,
  file?: string,
): Params {
  const fields = pathFields(dir, file);
  if (go) {
    const path = { ...fields, segments: dir.split("/") };
    return prefix ? { [prefix]: { path } } : { path };
  }
  const name = prefix ? `${prefix}.path` : "path";
  const p: Params = { [name]: dir };
  for (const [k, v] of Object.entries(fields))
    if (k !== "path") p[`${name}.${k}`] = v;
  dir.split("/").forEach((s, i) => {
    if (s !== "") p[`${name}[${i}]`] = s;
  });
  return p;
}

function withValues(params: Params, values: Params, go: boolean): Params {
  if (Object.keys(values).length === 0) return params;
  const rendered = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      renderString(String(v), params, go),
    ]),
  );
  if (go) return { ...params, values: rendered };
  const out = { ...params };
  for (const [k, v] of Object.entries(rendered)) out[`values.${k}`] = v;
  return out;
}
