import type { Candidate, FileAnalysis } from "../types.js";
import type { YamlDoc, YamlLeaf } from "../yamlLeaves.js";
import { credentialCandidate, type PairSite } from "./credentialCandidate.js";
import { envCandidates } from "./envDecoder.js";

/**
 * Fields that hold Helm values or variables inline: Flux HelmRelease
 * `spec.values` and Kustomization `postBuild.substitute`, Argo CD
 * `helm.values` (a string) and `helm.valuesObject`, kustomize
 * `helmCharts[].valuesInline`, k3s HelmChart `valuesContent`.
 */
const VALUE_FIELDS = new Set([
  "values",
  "valuesObject",
  "valuesInline",
  "valuesContent",
  "substitute",
]);

/**
 * Text that tells a document may hold inline values, or a credential-named
 * `name` followed by a literal `value` (not `valueFrom`, the common case
 * that needs no parsing).
 */
export const INLINE_VALUES_HINT =
  /^\s*(?:(?:values|valuesObject|valuesInline|valuesContent|substitute):|-?\s*\{?name:\s*["']?[\w.-]*(?:pass|pwd|secret|token|key|cred)[\w.-]*["']?\s*(?:,\s*|\r?\n\s*)value:)/im;

/**
 * Credential-shaped values written inline in a manifest: under the value
 * fields above (any depth), and `{ name, value }` pairs whose name says
 * credential (a container's `env`, Argo CD `helm.parameters`).
 */
export function decodeInlineValues(
  path: string,
  doc: YamlDoc,
  out: FileAnalysis,
): void {
  const names = pairNames(doc.leaves);
  for (const leaf of doc.leaves) {
    const site = { path, line: leaf.line, where: "inline values" };
    out.candidates.push(...underValues(leaf, site));
    const parent = parentOf(leaf, "value");
    const name = parent === undefined ? undefined : names.get(parent);
    if (name === undefined) continue;
    const c = credentialCandidate(name, leaf.value, { ...site, where: "env" });
    if (c) out.candidates.push(c);
  }
}

function underValues(leaf: YamlLeaf, site: PairSite): Candidate[] {
  const at = leaf.path.findIndex(
    (k) => typeof k === "string" && VALUE_FIELDS.has(k),
  );
  if (at < 0) return [];
  const key = leaf.path
    .slice(at + 1)
    .findLast((k): k is string => typeof k === "string");
  if (key !== undefined) {
    const c = credentialCandidate(key, leaf.value, site);
    return c ? [c] : [];
  }
  // `values: |` itself: a values file written as a string.
  if (at !== leaf.path.length - 1 || !leaf.value.includes("\n")) return [];
  const first = leaf.block ? leaf.line + 1 : leaf.line;
  return envCandidates(leaf.value, { ...site, line: first });
}

/** The `name` of each map that also has a `value`, by the map's path. */
function pairNames(leaves: readonly YamlLeaf[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const leaf of leaves) {
    const parent = parentOf(leaf, "name");
    if (parent !== undefined) names.set(parent, leaf.value);
  }
  return names;
}

/** The path of the map holding `leaf` when its key is `key`. */
function parentOf(leaf: YamlLeaf, key: string): string | undefined {
  if (leaf.path.at(-1) !== key) return undefined;
  return JSON.stringify(leaf.path.slice(0, -1));
}
