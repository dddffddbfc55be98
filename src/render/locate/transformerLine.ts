import type { Location } from "../../findings/finding.js";
import type { FieldPath } from "../../manifests/Resource.js";
import { isObject } from "../../manifests/toResources.js";
import type { KustomizeOrigin } from "./kustomizeOrigin.js";
import type { SourceIndex } from "./SourceIndex.js";

/** Kustomization fields that set a resource field, per transformer kind. */
const FIELDS: Record<
  string,
  { keys: string[]; applies: (f: FieldPath) => boolean }
> = {
  ImageTagTransformer: {
    keys: ["images"],
    applies: (f) => f[f.length - 1] === "image",
  },
  ReplicaCountTransformer: {
    keys: ["replicas"],
    applies: (f) => f.join(".") === "spec.replicas",
  },
  NamespaceTransformer: {
    keys: ["namespace"],
    applies: (f) => f.join(".") === "metadata.namespace",
  },
  PrefixTransformer: {
    keys: ["namePrefix"],
    applies: (f) => f.join(".") === "metadata.name",
  },
  SuffixTransformer: {
    keys: ["nameSuffix"],
    applies: (f) => f.join(".") === "metadata.name",
  },
};

/** Prefix of the wrapper kustomizations the gate writes in the sandbox. */
export const GENERATED_DIR = ".gitops-gate-";

/**
 * The kustomization line of the last built-in transformer (images,
 * replicas, namespace, name prefix/suffix) that set `field`, if any. A
 * transformer from the gate's own wrapper (an app's kustomize options)
 * points at `entry`, the app that asked for it.
 */
export function transformerLine(
  object: Record<string, unknown>,
  field: FieldPath,
  origin: KustomizeOrigin,
  index: SourceIndex,
  entry: Location,
): Location | undefined {
  const value = valueAt(object, field);
  for (const t of [...origin.transformedIn].reverse()) {
    const spec = FIELDS[t.kind];
    if (!spec?.applies(field)) continue;
    if (t.file.startsWith(GENERATED_DIR)) return entry;
    const doc = index.documents(t.file)[0];
    if (!doc || !isObject(doc.value)) continue;
    const key = spec.keys.find((k) => isObject(doc.value) && k in doc.value);
    if (!key) continue;
    const item = key === "images" ? imageEntry(doc.value[key], value) : -1;
    return doc.locate(item >= 0 ? [key, item] : [key]);
  }
  return undefined;
}

function valueAt(object: unknown, field: FieldPath): unknown {
  let v = object;
  for (const seg of field) {
    if (Array.isArray(v) && typeof seg === "number") v = v[seg];
    else if (isObject(v) && typeof seg === "string") v = v[seg];
    else return undefined;
  }
  return v;
}

/** Index of the `images` entry that produced `image`, or -1. */
function imageEntry(images: unknown, image: unknown): number {
  if (!Array.isArray(images) || typeof image !== "string") return -1;
  return images.findIndex((e) => {
    if (!isObject(e)) return false;
    const repo = e["newName"] ?? e["name"];
    return (
      typeof repo === "string" &&
      (image === repo ||
        image.startsWith(`${repo}:`) ||
        image.startsWith(`${repo}@`))
    );
  });
}
