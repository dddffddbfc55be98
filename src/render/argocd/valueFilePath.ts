import { repoPath } from "../kustomize/repoPath.js";

/**
 * Resolves one `helm.valueFiles` entry of an Argo CD source to a repo
 * path: `$ref/path` from the root of the `ref` source (when that source is
 * this repository), anything else relative to the chart directory `dir`.
 *
 * @param refs - `ref` name → `""` when that source is this repository,
 *   undefined when it is another one
 * @returns undefined when the file is in another repository or leaves
 *   this one
 */
export function valueFilePath(
  v: string,
  dir: string,
  refs: ReadonlyMap<string, string | undefined>,
): string | undefined {
  const m = /^\$([^/]+)\/(.*)$/.exec(v);
  if (!m) return repoPath(dir, v);
  const root = refs.get(m[1]!);
  return root === undefined ? undefined : repoPath(root, m[2]!);
}
