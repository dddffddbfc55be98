import { posix } from "node:path";
import type { Location } from "../../findings/finding.js";
import type { FieldPath } from "../../manifests/Resource.js";
import type { YamlDocument } from "../../manifests/parseYaml.js";
import { isObject } from "../../manifests/toResources.js";
import type { KustomizeOrigin } from "./kustomizeOrigin.js";
import { matchDepth } from "./matchDepth.js";
import type { SourceIndex } from "./SourceIndex.js";

/** A document that may define fields of a rendered resource. */
interface Candidate {
  doc: YamlDocument;
  /** Path prefix of the object inside the document. */
  at: FieldPath;
  value: unknown;
}

/** The kustomization field of each built-in generator. */
const GENERATOR_FIELDS: Record<string, string> = {
  ConfigMapGenerator: "configMapGenerator",
  SecretGenerator: "secretGenerator",
  HelmChartInflationGenerator: "helmCharts",
};

/** Files kustomize may have read for a resource: load them first. */
export function originFiles(origin: KustomizeOrigin): string[] {
  const files = origin.transformedIn.map((t) => t.file);
  if (origin.path) files.push(origin.path);
  if (origin.configuredIn) files.push(origin.configuredIn);
  return files;
}

/** Patch files named by the kustomizations that transformed a resource. */
export function patchFilesOf(
  origin: KustomizeOrigin,
  index: SourceIndex,
): string[] {
  return origin.transformedIn.flatMap((t) => patchRefs(t.file, index));
}

/**
 * A `locate` for a rendered resource: the line of the patch or resource
 * file that defines the field (the deepest match wins, later patches over
 * earlier ones and patches over the base), else the generator entry or the
 * entry kustomization.
 */
export function kustomizeLocator(
  object: Record<string, unknown>,
  origin: KustomizeOrigin,
  index: SourceIndex,
  entry: Location,
): (field: FieldPath) => Location {
  const base = origin.path ? sourceDocs(origin.path, object, index) : [];
  const patches = origin.transformedIn
    .filter((t) => t.kind.startsWith("Patch"))
    .flatMap((t) =>
      patchRefs(t.file, index).flatMap((p) => sourceDocs(p, object, index)),
    );
  const home = homeOf(origin, index, entry);
  return (field) => {
    let best: { c: Candidate; path: FieldPath; depth: number } | undefined;
    for (const c of base) {
      const m = matchDepth(object, c.value, field);
      if (!best || m.depth > best.depth) best = { c, ...m };
    }
    // Patches apply after the base and in order: a later one that reaches
    // as deep wins.
    for (const c of patches) {
      const m = matchDepth(object, c.value, field);
      if (m.depth > 0 && m.depth >= (best?.depth ?? 0)) best = { c, ...m };
    }
    if (!best) return home;
    return best.c.doc.locate([...best.c.at, ...best.path]);
  };
}

function homeOf(
  origin: KustomizeOrigin,
  index: SourceIndex,
  entry: Location,
): Location {
  if (origin.path) {
    const doc = index.documents(origin.path)[0];
    return doc ? doc.source : { path: origin.path, line: 1 };
  }
  if (origin.configuredIn) {
    const doc = index.documents(origin.configuredIn)[0];
    const field = GENERATOR_FIELDS[origin.configuredBy ?? ""];
    const at = doc && field ? doc.locate([field]) : doc?.source;
    return at ?? { path: origin.configuredIn };
  }
  return entry;
}

/** Documents of `path` that describe the same object (kind and name). */
function sourceDocs(
  path: string,
  object: Record<string, unknown>,
  index: SourceIndex,
): Candidate[] {
  const all = index.documents(path).flatMap((doc) => itemsOf(doc));
  const kind = object["kind"];
  const name = nameOf(object);
  const sameKind = all.filter(
    (c) => isObject(c.value) && c.value["kind"] === kind,
  );
  const exact = sameKind.filter((c) => nameOf(c.value) === name);
  if (exact.length > 0) return exact;
  const near = sameKind.filter((c) => {
    const n = nameOf(c.value);
    return n !== undefined && name !== undefined && name.includes(n);
  });
  return near.length > 0 ? near : sameKind.slice(0, 1);
}

function itemsOf(doc: YamlDocument): Candidate[] {
  const v = doc.value;
  if (isObject(v) && Array.isArray(v["items"])) {
    return v["items"].map((value, i) => ({ doc, at: ["items", i], value }));
  }
  return [{ doc, at: [], value: v }];
}

function nameOf(v: unknown): string | undefined {
  const m = isObject(v) ? v["metadata"] : undefined;
  return isObject(m) && typeof m["name"] === "string" ? m["name"] : undefined;
}

/** Repo paths of the patch files a kustomization file names. */
function patchRefs(file: string, index: SourceIndex): string[] {
  const k = index.documents(file)[0]?.value;
  if (!isObject(k)) return [];
  const dir = posix.dirname(file);
  const out: string[] = [];
  const add = (p: unknown) => {
    if (typeof p === "string" && !p.includes("\n")) {
      out.push(posix.normalize(posix.join(dir, p)));
    }
  };
  for (const f of ["patches", "patchesJson6902"]) {
    for (const p of asList(k[f])) if (isObject(p)) add(p["path"]);
  }
  for (const p of asList(k["patchesStrategicMerge"])) add(p);
  return out;
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
