import type { KustomizationNode } from "../kustomize/KustomizationNode.js";
import { PLUGIN_FIELDS } from "../kustomize/parseKustomization.js";

/**
 * Flux's kustomize-controller builds without kustomize's load restrictor
 * (on a file system confined to the repo), so an overlay may read
 * `../common/ns.yaml`. The gate can allow the same only where it has
 * checked every path kustomize will read itself: `refuseUnsafe` has
 * refused paths that leave the repo, the sandbox holds no symlink that
 * leaves it, and these kustomizations name no file we do not parse —
 * no builtin plugin configs, no Helm charts, no file we failed to parse.
 * Elsewhere kustomize's own restrictor stays on.
 */
export function repoWideLoadsAreSafe(
  nodes: readonly KustomizationNode[],
): boolean {
  return nodes.every(
    (n) =>
      n.parseError === undefined &&
      n.helmCharts.length === 0 &&
      n.inlinePlugins.length === 0 &&
      !n.refs.some((r) => PLUGIN_FIELDS.includes(r.field)),
  );
}
