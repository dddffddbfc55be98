import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { isObject } from "../../manifests/toResources.js";

/** A chart dependency that is neither vendored nor local. */
export interface RemoteDependency {
  name: string;
  repository: string;
}

/**
 * Dependencies of the chart at `chartDir` (absolute) that would have to be
 * fetched: a `repository` that is a URL (http, https, oci) with no
 * `charts/<name>` directory or `charts/<name>-*.tgz` archive vendored.
 * `helm template` never fetches them; the gate reports them as remote.
 */
export async function missingDependencies(
  chartDir: string,
): Promise<RemoteDependency[]> {
  const chart = await readYaml(join(chartDir, "Chart.yaml"));
  const deps = isObject(chart) && Array.isArray(chart["dependencies"]);
  if (!deps) return [];
  const vendored = await listDir(join(chartDir, "charts"));
  const out: RemoteDependency[] = [];
  for (const d of (chart["dependencies"] as unknown[]).filter(isObject)) {
    const name = String(d["name"] ?? "");
    const repository = String(d["repository"] ?? "");
    if (!/^(https?|oci):\/\//.test(repository)) continue;
    const has = vendored.some(
      (f) => f === name || (f.startsWith(`${name}-`) && f.endsWith(".tgz")),
    );
    if (!has) out.push({ name, repository });
  }
  return out;
}

async function readYaml(path: string): Promise<unknown> {
  try {
    return parse(await readFile(path, "utf8"), { maxAliasCount: 100 });
  } catch (cause) {
    // Missing or invalid Chart.yaml: helm itself reports it.
    if (cause instanceof Error) return undefined;
    throw cause;
  }
}

async function listDir(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw cause;
  }
}
