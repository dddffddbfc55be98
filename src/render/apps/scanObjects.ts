import { parseYaml, type YamlDocument } from "../../manifests/parseYaml.js";
import { isObject } from "../../manifests/toResources.js";

/** A Kubernetes object found in a repo file, with where it is. */
export interface FoundObject {
  file: string;
  doc: YamlDocument;
  object: Record<string, unknown>;
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
}

/** Kinds discovery cares about; files mentioning none are not parsed. */
const KINDS =
  /^kind:\s*["']?(Application|ApplicationSet|Kustomization|HelmRelease|HelmChart|HelmRepository|OCIRepository|GitRepository|ConfigMap|Secret)\b/m;

const CHART = /(^|\/)Chart\.ya?ml$/;

const cache = new WeakMap<object, Promise<FoundObject[]>>();

/**
 * Every Argo CD and Flux object (and ConfigMap / Secret, for values and
 * substitutions) in the YAML files of a tree, parsed once per key (the
 * file list or the tree).
 */
export function scanObjects(
  key: object,
  files: readonly string[],
  read: (path: string) => Promise<Buffer>,
): Promise<FoundObject[]> {
  let found = cache.get(key);
  if (!found) {
    found = scan(files, read);
    cache.set(key, found);
  }
  return found;
}

async function scan(
  files: readonly string[],
  read: (path: string) => Promise<Buffer>,
): Promise<FoundObject[]> {
  const template = chartTemplates(files);
  const yaml = files.filter((f) => /\.ya?ml$/.test(f) && !template(f));
  const perFile = await Promise.all(yaml.map((f) => scanFile(f, read)));
  return perFile.flat();
}

async function scanFile(
  file: string,
  read: (path: string) => Promise<Buffer>,
): Promise<FoundObject[]> {
  let content: Buffer;
  try {
    content = await read(file);
  } catch (cause) {
    // Unreadable files (refused symlinks) are reported by the plain renderer.
    if ((cause as NodeJS.ErrnoException).code) return [];
    throw cause;
  }
  if (
    content.length > 10 * 1024 * 1024 ||
    !KINDS.test(content.toString("utf8"))
  ) {
    return [];
  }
  return parseYaml(file, content).documents.flatMap((doc) => {
    const o = doc.value;
    if (!isObject(o) || !isObject(o["metadata"])) return [];
    const meta = o["metadata"];
    const found: FoundObject = {
      file,
      doc,
      object: o,
      kind: String(o["kind"] ?? ""),
      apiVersion: String(o["apiVersion"] ?? ""),
      name: String(meta["name"] ?? ""),
    };
    if (typeof meta["namespace"] === "string")
      found.namespace = meta["namespace"];
    return [found];
  });
}

/**
 * Files of Helm charts' `templates/` and vendored `charts/`: Go templates,
 * not YAML, so never parsed here (an app-of-apps chart's templated
 * Applications are only known once Helm renders them).
 */
function chartTemplates(files: readonly string[]): (file: string) => boolean {
  const dirs = files
    .filter((f) => CHART.test(f))
    .map((f) => f.slice(0, f.lastIndexOf("/") + 1));
  return (file) =>
    dirs.some(
      (d) =>
        file.startsWith(`${d}templates/`) || file.startsWith(`${d}charts/`),
    );
}

/** Objects of one Argo CD or Flux API group and kind. */
export function ofKind(
  objects: readonly FoundObject[],
  group: string,
  kind: string,
): FoundObject[] {
  return objects.filter(
    (o) => o.kind === kind && o.apiVersion.startsWith(`${group}/`),
  );
}
