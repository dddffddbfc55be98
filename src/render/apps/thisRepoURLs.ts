import type { Config } from "../../config/schema.js";
import { isObject } from "../../manifests/toResources.js";
import { ofKind, type FoundObject } from "./scanObjects.js";

/**
 * URLs that name this repository: `render.argocd.repoURLs` plus the
 * `spec.url` of the Flux GitRepository that config says is this repo, so a
 * repo bootstrapped by Flux needs no extra config for its Argo CD apps.
 */
export function thisRepoURLs(
  objects: readonly FoundObject[],
  config: Pick<Config["render"], "argocd" | "flux">,
): string[] {
  const { name, namespace } = config.flux.gitRepository;
  const urls = ofKind(objects, "source.toolkit.fluxcd.io", "GitRepository")
    .filter((o) => o.name === name && (o.namespace ?? "default") === namespace)
    .map((o) =>
      isObject(o.object["spec"]) ? o.object["spec"]["url"] : undefined,
    )
    .filter((u): u is string => typeof u === "string");
  return [...config.argocd.repoURLs, ...urls];
}
