import { posix } from "node:path";
import type { YamlDocument } from "../../manifests/parseYaml.js";
import { isObject } from "../../manifests/toResources.js";
import type { Location } from "../../findings/finding.js";
import type { FieldPath } from "../../manifests/Resource.js";
import { copiedFrom, inlineYaml } from "./inlineYaml.js";
import { GENERATED_DIR } from "./transformerLine.js";
import type { SourceIndex } from "./SourceIndex.js";

/** One entry of a kustomization's patch fields, with positions. */
export interface PatchSource {
  /** A list of JSON6902 operations, or strategic merge documents. */
  type: "json6902" | "strategic";
  /** The patch's documents, with lines in the file a human edits. */
  docs: YamlDocument[];
  /** The entry's `target` selector, if it has one. */
  target?: Record<string, unknown>;
}

const FIELDS = ["patches", "patchesJson6902", "patchesStrategicMerge"];

const cache = new WeakMap<YamlDocument, PatchSource[]>();

/**
 * The patches a kustomization (or component) file declares, in the order
 * kustomize applies them. Patch files must be loaded into `index` already;
 * inline patches are parsed here, their lines shifted to where they sit in
 * the kustomization.
 *
 * @param entry - the app that asked for the gate's wrapper kustomization
 */
export function patchSources(
  file: string,
  index: SourceIndex,
  entry: Location,
): PatchSource[] {
  const doc = index.documents(file)[0];
  if (!doc || !isObject(doc.value)) return [];
  const known = cache.get(doc);
  if (known) return known;
  const dir = posix.dirname(file);
  // The gate's wrapper holds patches copied from the app (Flux spec.patches
  // or postRenderers, Argo CD kustomize.patches): find them in its file.
  const inline: InlineDocs = file.startsWith(GENERATED_DIR)
    ? (_, text) => copiedFrom(index.documents(entry.path), text, entry)
    : (key, text) => inlineYaml(doc.locate(key), text);
  const out: PatchSource[] = [];
  for (const field of FIELDS) {
    const list = doc.value[field];
    for (const [i, item] of (Array.isArray(list) ? list : []).entries()) {
      const docs = entryDocs(inline, [field, i], item, dir, index);
      if (docs.length === 0) continue;
      const array =
        field === "patchesJson6902" || Array.isArray(docs[0]!.value);
      const target = isObject(item) ? item["target"] : undefined;
      out.push({
        type: array ? "json6902" : "strategic",
        docs,
        ...(isObject(target) ? { target } : {}),
      });
    }
  }
  cache.set(doc, out);
  return out;
}

/** Repo paths of the patch files a kustomization file names. */
export function patchFileRefs(file: string, index: SourceIndex): string[] {
  const k = index.documents(file)[0]?.value;
  if (!isObject(k)) return [];
  const dir = posix.dirname(file);
  return FIELDS.flatMap((field) => {
    const list = Array.isArray(k[field]) ? (k[field] as unknown[]) : [];
    return list.flatMap((item) => {
      const ref = isObject(item) ? item["path"] : item;
      const ok = typeof ref === "string" && !ref.includes("\n");
      return ok ? [posix.normalize(posix.join(dir, ref))] : [];
    });
  });
}

/** The documents of an inline patch at `key` of the kustomization. */
type InlineDocs = (key: FieldPath, text: string) => YamlDocument[];

function entryDocs(
  inlineDocs: InlineDocs,
  at: [string, number],
  item: unknown,
  dir: string,
  index: SourceIndex,
): YamlDocument[] {
  const inline = isObject(item) ? item["patch"] : item;
  if (typeof inline === "string" && (isObject(item) || inline.includes("\n"))) {
    const key = isObject(item) ? [...at, "patch"] : at;
    return inlineDocs(key, inline);
  }
  const ref = isObject(item) ? item["path"] : undefined;
  if (typeof ref !== "string") return [];
  return index.documents(posix.normalize(posix.join(dir, ref)));
}
