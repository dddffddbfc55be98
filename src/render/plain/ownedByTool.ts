const KUSTOMIZATION = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;
const CHART = /(^|\/)Chart\.ya?ml$/;
/** Files that configure tools and never are manifests themselves. */
const NOT_MANIFESTS = [
  /^\.github\//,
  /(^|\/)\.gitops-gate\.ya?ml$/,
  /(^|\/)\.sops\.ya?ml$/,
  /(^|\/)values[^/]*\.ya?ml$/,
  /(^|\/)\.pre-commit-config\.ya?ml$/,
  /(^|\/)\.gitlab-ci\.ya?ml$/,
];

/**
 * Returns a predicate telling whether a file belongs to a kustomization or
 * Helm chart directory (at or below it), or is a known non-manifest file;
 * such files are rendered by their tool, not read as plain manifests.
 */
export function ownedByTool(
  files: readonly string[],
): (file: string) => boolean {
  const roots: string[] = [];
  for (const f of files) {
    if (KUSTOMIZATION.test(f) || CHART.test(f)) {
      roots.push(f.includes("/") ? f.slice(0, f.lastIndexOf("/") + 1) : "");
    }
  }
  return (file) =>
    NOT_MANIFESTS.some((re) => re.test(file)) ||
    roots.some((root) => file.startsWith(root));
}
