import { isObject } from "../../manifests/toResources.js";
import { isThisRepo } from "../apps/sameRepo.js";
import { repoPath } from "../kustomize/repoPath.js";
import { valueFilePath } from "./valueFilePath.js";

/**
 * The files of this repository that one Application source names in
 * `helm.valueFiles`, whether or not the gate can render the source:
 * `$ref/...` entries whose `ref` source is this repository, and relative
 * entries of a chart that is a path of this repository. Entries inside a
 * chart from a Helm repository or another Git repository are not files
 * of this repository and are left out.
 *
 * @example
 * // source: { repoURL: <this repo>, path: charts/web,
 * //           helm: { valueFiles: [../../envs/prod/web.yaml] } }
 * helmValueFiles(source, new Map(), [thisRepo]); // ["envs/prod/web.yaml"]
 */
export function helmValueFiles(
  source: unknown,
  refs: ReadonlyMap<string, string | undefined>,
  repoURLs: readonly string[],
): string[] {
  if (!isObject(source) || !isObject(source["helm"])) return [];
  const list = source["helm"]["valueFiles"];
  const local =
    typeof source["chart"] !== "string" &&
    isThisRepo(source["repoURL"], repoURLs);
  const dir = local ? repoPath("", String(source["path"] ?? ".")) : undefined;
  const out: string[] = [];
  for (const v of Array.isArray(list) ? list : []) {
    const entry = String(v);
    if (!entry.startsWith("$") && dir === undefined) continue;
    const path = valueFilePath(entry, dir ?? "", refs);
    if (path !== undefined) out.push(path);
  }
  return out;
}
