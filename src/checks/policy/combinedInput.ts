import type { Resource } from "../../manifests/Resource.js";

/** One document of conftest's `--combine` input. */
export interface CombinedFile {
  path: string;
  contents: unknown;
}

/**
 * The input of a combined-mode policy, shaped like conftest `--combine`:
 * one `{path, contents}` entry per document (a multi-document file gives
 * several entries with the same path), sorted stably by path.
 */
export function combinedInput(resources: readonly Resource[]): CombinedFile[] {
  const entries = resources.map((r) => ({
    path: r.source.path,
    contents: r.object,
  }));
  return entries.sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
}
