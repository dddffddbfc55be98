import type { Location } from "../../findings/finding.js";
import type { FieldPath } from "../../manifests/Resource.js";
import { isObject } from "../../manifests/toResources.js";
import type { SourceIndex } from "../locate/SourceIndex.js";

/** What a Helm-rendered resource can be traced to. */
export interface HelmSources {
  /** Repo path of the template (from `# Source:`). */
  template: string;
  /** Lines of the template file. */
  templateLines: readonly string[];
  /** Values files in override order (lowest first), repo-relative. */
  valueFiles: readonly string[];
  index: SourceIndex;
  /** Where inline values (which override the files) set a key, if they do. */
  inlineAt?: InlineValuesAt;
  /**
   * Where to point when no values line matches, instead of the template
   * (a fetched chart's templates are not files of the repository).
   */
  fallback?: Location;
}

/** Why a Helm template line is approximate. */
export const TEMPLATE_NOTE =
  "Helm keeps no line map: line of the template found by the field's keys";

/** Finds the line where inline values set `keys`, or undefined. */
export type InlineValuesAt = (keys: string[]) => Location | undefined;

/**
 * A `locate` for a Helm-rendered resource. Helm keeps no line map, so the
 * template line is found by following the field's keys down the template
 * text; when that line reads `.Values.x.y` and a values file sets `x.y`,
 * the line in the most specific such values file is returned instead. Without a
 * match, the template's first line.
 */
export function helmLocator(src: HelmSources): (f: FieldPath) => Location {
  return (field) => {
    const line = templateLine(src.templateLines, field);
    const text = src.templateLines[line - 1] ?? "";
    const refs = [...text.matchAll(/\.Values\.([A-Za-z0-9_.]+)/g)].map((m) =>
      (m[1] ?? "").split("."),
    );
    const inline = refs.map((k) => src.inlineAt?.(k)).find(Boolean);
    return (
      inline ??
      valuesLine(src, refs) ??
      src.fallback ?? {
        path: src.template,
        line,
        approximate: TEMPLATE_NOTE,
      }
    );
  };
}

function templateLine(lines: readonly string[], field: FieldPath): number {
  let at = 0;
  let found = 1;
  for (const seg of field) {
    if (typeof seg === "number") continue;
    const re = new RegExp(`^\\s*(-\\s+)?["']?${escape(seg)}["']?\\s*:`);
    const i = lines.findIndex((l, n) => n >= at && re.test(l));
    if (i < 0) break;
    at = i + 1;
    found = i + 1;
  }
  return found;
}

/** The most specific values file that sets any of `refs`. */
function valuesLine(src: HelmSources, refs: string[][]): Location | undefined {
  for (const file of [...src.valueFiles].reverse()) {
    const doc = src.index.documents(file)[0];
    const keys = refs.find((k) => doc && has(doc.value, k));
    if (doc && keys) return doc.locate(keys);
  }
  return undefined;
}

/** True when `keys` is a path that exists in `value`. */
export function has(value: unknown, keys: string[]): boolean {
  let v = value;
  for (const k of keys) {
    if (!isObject(v) || !(k in v)) return false;
    v = v[k];
  }
  return true;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
