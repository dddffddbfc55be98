import type { Location } from "../../findings/finding.js";
import type { FieldPath } from "../../manifests/Resource.js";
import { isObject } from "../../manifests/toResources.js";
import type { SourceIndex } from "../locate/SourceIndex.js";
import { valuesByEquality } from "./valuesByEquality.js";

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
  /** The rendered object, to find values blocks it copied by content. */
  object?: unknown;
}

/** Why a Helm template line is approximate. */
export const TEMPLATE_NOTE =
  "Helm keeps no line map: line of the template found by the field's keys";

/** Finds the line where inline values set `keys`, or undefined. */
export type InlineValuesAt = (keys: ValuesPath) => Location | undefined;

/** A path into Helm values: map keys and list indexes. */
export type ValuesPath = readonly (string | number)[];

/**
 * A `locate` for a Helm-rendered resource. Helm keeps no line map, so the
 * template line is found by following the field's keys down the template
 * text; when that line (or the template lines right below it, as in
 * `{{- toYaml .Values.x | nindent 4 }}`) reads `.Values.x` and the values
 * set `x` plus the rest of the field, the line in the inline values or the
 * most specific values file is returned instead. Else a values block equal
 * to the rendered block (approximate), else the template line.
 */
export function helmLocator(src: HelmSources): (f: FieldPath) => Location {
  return (field) => {
    const { line, depth } = templateLine(src.templateLines, field);
    const refs = valuesRefs(src.templateLines, line);
    const rest = field.slice(depth);
    const deep = rest.length > 0 ? refs.map((k) => [...k, ...rest]) : [];
    // The deeper keys first; within each, inline values override the
    // files and the most specific file wins.
    const set = [deep, refs]
      .map((keys) => inlineLine(src, keys) ?? valuesLine(src, keys))
      .find(Boolean);
    const copied = () =>
      src.object === undefined
        ? undefined
        : valuesByEquality(src.object, field, src.valueFiles, src.index);
    return (
      set ??
      copied() ??
      src.fallback ?? { path: src.template, line, approximate: TEMPLATE_NOTE }
    );
  };
}

/**
 * The 1-based template line the field's keys lead to, and how many
 * segments of the field (list indexes included) that line accounts for.
 */
function templateLine(
  lines: readonly string[],
  field: FieldPath,
): { line: number; depth: number } {
  let at = 0;
  let found = { line: 1, depth: 0 };
  for (const [n, seg] of field.entries()) {
    if (typeof seg === "number") continue;
    const re = new RegExp(`^\\s*(-\\s+)?["']?${escape(seg)}["']?\\s*:`);
    const i = lines.findIndex((l, k) => k >= at && re.test(l));
    if (i < 0) break;
    at = i + 1;
    found = { line: i + 1, depth: n + 1 };
  }
  return found;
}

/** `.Values.a.b` paths on a template line and the action lines below it. */
function valuesRefs(lines: readonly string[], line: number): string[][] {
  const block = [lines[line - 1] ?? ""];
  for (const next of lines.slice(line)) {
    if (!/^\s*\{\{/.test(next)) break;
    block.push(next);
  }
  return [...block.join("\n").matchAll(/\.Values\.([A-Za-z0-9_.]+)/g)].map(
    (m) => (m[1] ?? "").split("."),
  );
}

function inlineLine(
  src: HelmSources,
  keys: readonly ValuesPath[],
): Location | undefined {
  return keys.map((k) => src.inlineAt?.(k)).find(Boolean);
}

/** The most specific values file that sets any of `refs`. */
function valuesLine(
  src: HelmSources,
  refs: readonly ValuesPath[],
): Location | undefined {
  for (const file of [...src.valueFiles].reverse()) {
    const doc = src.index.documents(file)[0];
    const keys = refs.find((k) => doc && has(doc.value, k));
    if (doc && keys) return doc.locate(keys);
  }
  return undefined;
}

/** True when `keys` is a path that exists in `value`. */
export function has(value: unknown, keys: ValuesPath): boolean {
  let v = value;
  for (const k of keys) {
    if (Array.isArray(v) && typeof k === "number" && k < v.length) v = v[k];
    else if (isObject(v) && typeof k === "string" && k in v) v = v[k];
    else return false;
  }
  return true;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
