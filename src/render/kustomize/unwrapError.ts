/**
 * The generated wrapper kustomization (see `kustomizeBuild`) makes
 * kustomize prefix every error with its failed attempt to read the target
 * directory as a file, followed by either its recursion into the directory
 * or its failure to read the directory's kustomization. This cuts that one
 * level so the message reads as `kustomize build <dir>` would print it.
 *
 * @example unwrapKustomizeError(
 *   "error: accumulating resources: accumulation err='accumulating " +
 *   "resources from 'k': 'k' must resolve to a file': recursed " +
 *   "accumulation of path 'k': no matches for Id ...",
 * ) === "error: no matches for Id ..."
 */
export function unwrapKustomizeError(message: string): string {
  return message.replace(
    /accumulating resources: accumulation err='accumulating resources from '[^']*': '[^']*' must resolve to a file': (?:recursed accumulation of|couldn't make target for) path '[^']*': /,
    "",
  );
}
