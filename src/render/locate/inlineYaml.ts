import type { Location } from "../../findings/finding.js";
import { parseYaml, type YamlDocument } from "../../manifests/parseYaml.js";

/**
 * Parses YAML held in a string field of another file (an inline kustomize
 * patch, Argo CD's `helm.values`), with lines in that file. A multi-line
 * string is a block scalar (`patch: |`) whose text starts on the line
 * after its key, so its line n is the key's line + n; a one-line string
 * (`'[{"op": ...}]'`) sits on the key's line. A folded or quoted multi-line
 * string would shift lines; those are rare for YAML held in YAML.
 *
 * @param home - the location of the field's key
 */
export function inlineYaml(home: Location, text: string): YamlDocument[] {
  const keyLine = home.line ?? 1;
  const shift = text.includes("\n") ? keyLine : keyLine - 1;
  const move = (l: Location): Location =>
    l.line === undefined ? home : { ...home, line: l.line + shift };
  return parseYaml(home.path, text).documents.map((d) => ({
    ...d,
    source: move(d.source),
    locate: (f) => move(d.locate(f)),
  }));
}

/**
 * The documents of `text` where a document of `docs` holds it as a string
 * (a patch the gate copied out of an app), else documents that all point
 * at `fallback`.
 */
export function copiedFrom(
  docs: readonly YamlDocument[],
  text: string,
  fallback: Location,
): YamlDocument[] {
  for (const doc of docs) {
    const at = pathOf(doc.value, text, []);
    if (at) return inlineYaml(doc.locate(at), text);
  }
  return parseYaml(fallback.path, text).documents.map((d) => ({
    ...d,
    source: fallback,
    locate: () => fallback,
  }));
}

function pathOf(
  v: unknown,
  text: string,
  path: (string | number)[],
): (string | number)[] | undefined {
  if (v === text) return path;
  if (path.length > 32 || v === null || typeof v !== "object") return undefined;
  const entries = Array.isArray(v) ? v.entries() : Object.entries(v);
  for (const [k, x] of entries) {
    const found = pathOf(x, text, [...path, k]);
    if (found) return found;
  }
  return undefined;
}
