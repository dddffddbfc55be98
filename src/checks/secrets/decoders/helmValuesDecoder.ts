import type { FileAnalysis } from "../types.js";
import type { YamlDoc } from "../yamlLeaves.js";
import { credentialCandidate } from "./credentialCandidate.js";

/** True for Helm values files: `values.yaml`, `values-prod.yaml`, ... */
export function isHelmValues(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return /^(?:.+[._-])?values(?:[._-].+)?\.ya?ml$/i.test(base);
}

/** Credential-shaped keys with real-looking values anywhere in values. */
export function decodeHelmValues(
  path: string,
  doc: YamlDoc,
  out: FileAnalysis,
): void {
  for (const leaf of doc.leaves) {
    const key = leaf.path.at(-1);
    if (typeof key !== "string") continue;
    const site = { path, line: leaf.line, where: "Helm values" };
    const c = credentialCandidate(key, leaf.value, site);
    if (c) out.candidates.push(c);
  }
}
