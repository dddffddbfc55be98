import type { Config } from "../../config/schema.js";
import { isObject } from "../../manifests/toResources.js";
import { repoPath } from "../kustomize/repoPath.js";
import { ofKind, type FoundObject } from "./scanObjects.js";

/**
 * Values files that Flux `HelmChart` objects built from this repository's
 * GitRepository name in `spec.valuesFiles` (or the older `valuesFile`).
 * Flux resolves them from the root of the source, so they are
 * repo-relative.
 */
export function helmChartValueFiles(
  objects: readonly FoundObject[],
  gitRepository: Config["render"]["flux"]["gitRepository"],
): string[] {
  const out: string[] = [];
  for (const o of ofKind(objects, "source.toolkit.fluxcd.io", "HelmChart")) {
    const spec = isObject(o.object["spec"]) ? o.object["spec"] : {};
    const ref = isObject(spec["sourceRef"]) ? spec["sourceRef"] : {};
    const ours =
      ref["kind"] === "GitRepository" &&
      ref["name"] === gitRepository.name &&
      (o.namespace ?? "default") === gitRepository.namespace;
    if (!ours) continue;
    const list = Array.isArray(spec["valuesFiles"]) ? spec["valuesFiles"] : [];
    if (typeof spec["valuesFile"] === "string") list.push(spec["valuesFile"]);
    for (const f of list) {
      const path = repoPath("", String(f));
      if (path !== undefined) out.push(path);
    }
  }
  return out;
}
