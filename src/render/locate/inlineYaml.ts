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
