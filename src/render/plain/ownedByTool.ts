import {
  isKustomizationFile,
  type KustomizeGraph,
} from "../kustomize/KustomizeGraph.js";

const CHART = /(^|\/)Chart\.ya?ml$/;
/**
 * Files that configure tools and never are manifests themselves. Most
 * are dotfiles, which the default `render.plain.paths` globs skip anyway;
 * they are listed for globs that match dotfiles.
 */
const NOT_MANIFESTS = [
  /^\.(github|gitlab|gitea|forgejo|circleci|buildkite)\//,
  /(^|\/)\.?gitops-gate\.ya?ml$/,
  /(^|\/)\.sops\.ya?ml$/,
  /(^|\/)values[^/]*\.ya?ml$/,
  /(^|\/)\.pre-commit-(config|hooks)\.ya?ml$/,
  /(^|\/)\.gitlab-ci\.ya?ml$/,
  /(^|\/)\.yamllint(\.ya?ml)?$/,
  /(^|\/)\.argocd-source[^/]*\.ya?ml$/,
  // Kustomize transformer configs (`configurations:`), by convention.
  /(^|\/)kustomizeconfig(\/|[^/]*\.ya?ml$)/,
  /(^|\/)(docker-)?compose(\.[^/]*)?\.ya?ml$/,
  /(^|\/)(azure|bitbucket)-pipelines\.ya?ml$/,
  /(^|\/)(mkdocs|codecov|helmfile|skaffold|Taskfile)\.ya?ml$/,
];

/**
 * Returns a predicate telling whether a file belongs to a kustomization or
 * Helm chart directory (at or below it), is named by a kustomization (a
 * generator input, a transformer config), or is a known non-manifest
 * file; such files are read by their tool, not as plain manifests.
 */
export function ownedByTool(
  files: readonly string[],
  graph?: KustomizeGraph,
): (file: string) => boolean {
  const roots: string[] = [];
  for (const f of files) {
    if (isKustomizationFile(f) || CHART.test(f)) {
      roots.push(f.includes("/") ? f.slice(0, f.lastIndexOf("/") + 1) : "");
    }
  }
  const named = new Set<string>();
  for (const node of graph?.nodes.values() ?? []) {
    for (const ref of node.refs)
      if (ref.path !== undefined) named.add(ref.path);
  }
  return (file) =>
    named.has(file) ||
    NOT_MANIFESTS.some((re) => re.test(file)) ||
    roots.some((root) => file.startsWith(root));
}
