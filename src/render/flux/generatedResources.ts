import { isKustomizationFile } from "../kustomize/KustomizeGraph.js";

/**
 * The `resources` of the kustomization Flux generates for a directory
 * without one: every `.yaml`/`.yml` file below it, except that a
 * subdirectory with its own kustomization is listed once, as a whole,
 * and not descended into.
 *
 * @param dir - repo-relative directory (`""` for the root)
 * @returns paths relative to `dir`, sorted
 */
export function generatedResources(
  dir: string,
  files: readonly string[],
): string[] {
  const prefix = dir === "" ? "" : `${dir}/`;
  const below = files
    .filter((f) => f.startsWith(prefix))
    .map((f) => f.slice(prefix.length));
  const kdirs = below
    .filter((f) => f.includes("/") && isKustomizationFile(f))
    .map((f) => f.slice(0, f.lastIndexOf("/")));
  const inside = (f: string, d: string) => f.startsWith(`${d}/`);
  const outer = [...new Set(kdirs)].filter(
    (d) => !kdirs.some((o) => o !== d && inside(d, o)),
  );
  const manifests = below.filter(
    (f) => /\.ya?ml$/.test(f) && !outer.some((d) => inside(f, d)),
  );
  return [...manifests, ...outer].sort();
}
