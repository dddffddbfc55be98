import type { Resource } from "../../manifests/Resource.js";

/** One file of conftest's `--combine` input. */
export interface CombinedFile {
  path: string;
  /** The file's document, or its documents when it holds several. */
  contents: unknown;
}

/**
 * The input of a combined-mode policy, shaped like conftest `--combine`:
 * one entry per source file in order of first appearance, whose
 * `contents` is the document itself, or the array of its documents when
 * the file holds more than one (a multi-document YAML, a Helm template
 * rendering several objects).
 */
export function combinedInput(resources: readonly Resource[]): CombinedFile[] {
  const byPath = new Map<string, unknown[]>();
  for (const r of resources) {
    const docs = byPath.get(r.source.path) ?? [];
    docs.push(r.object);
    byPath.set(r.source.path, docs);
  }
  return [...byPath].map(([path, docs]) => ({
    path,
    contents: docs.length === 1 ? docs[0] : docs,
  }));
}
