import { posix } from "node:path";
import { parse } from "yaml";
import { isObject } from "../../manifests/toResources.js";

const ORIGIN = "config.kubernetes.io/origin";
const TRANSFORMATIONS = "alpha.config.kubernetes.io/transformations";

/** Where kustomize says a rendered resource came from (repo-relative). */
export interface KustomizeOrigin {
  /** The resource file, for resources read from files. */
  path?: string;
  /** The kustomization whose generator made it. */
  configuredIn?: string;
  /** The generator's kind (`ConfigMapGenerator`, `SecretGenerator`...). */
  configuredBy?: string;
  /** Kustomizations whose transformers changed it, in order. */
  transformedIn: { file: string; kind: string }[];
}

/**
 * Reads and removes kustomize's build-metadata annotations from a rendered
 * object (removing `annotations` when it becomes empty), so checks see the
 * object as the cluster would.
 *
 * @param buildRoot - repo-relative directory the build ran in; annotation
 *   paths are relative to it
 */
export function takeOrigin(
  object: Record<string, unknown>,
  buildRoot: string,
): KustomizeOrigin {
  const origin: KustomizeOrigin = { transformedIn: [] };
  const metadata = object["metadata"];
  if (!isObject(metadata) || !isObject(metadata["annotations"])) return origin;
  const annotations = metadata["annotations"];
  const o = parseSafe(annotations[ORIGIN]);
  const t = parseSafe(annotations[TRANSFORMATIONS]);
  delete annotations[ORIGIN];
  delete annotations[TRANSFORMATIONS];
  if (Object.keys(annotations).length === 0) delete metadata["annotations"];
  const at = (p: unknown) => resolveFrom(buildRoot, p);
  if (isObject(o) && o["repo"] === undefined) {
    const path = at(o["path"]);
    const configuredIn = at(o["configuredIn"]);
    if (path !== undefined) origin.path = path;
    if (configuredIn !== undefined) origin.configuredIn = configuredIn;
    const by = o["configuredBy"];
    if (isObject(by) && typeof by["kind"] === "string") {
      origin.configuredBy = by["kind"];
    }
  }
  for (const entry of Array.isArray(t) ? t : []) {
    const file = isObject(entry) ? at(entry["configuredIn"]) : undefined;
    const by = isObject(entry) ? entry["configuredBy"] : undefined;
    const kind = isObject(by) ? String(by["kind"] ?? "") : "";
    if (file !== undefined) origin.transformedIn.push({ file, kind });
  }
  return origin;
}

function parseSafe(text: unknown): unknown {
  if (typeof text !== "string") return undefined;
  try {
    return parse(text, { maxAliasCount: 10 });
  } catch {
    // Kustomize writes these annotations itself; a bad one only costs us
    // the line mapping, and locate falls back to the entry file.
    return undefined;
  }
}

function resolveFrom(root: string, p: unknown): string | undefined {
  if (typeof p !== "string" || p === "") return undefined;
  const joined = posix.normalize(posix.join(root === "" ? "." : root, p));
  if (joined.startsWith("../") || joined.startsWith("/")) return undefined;
  return joined;
}
