import { posix } from "node:path";
import type { Location } from "../../findings/finding.js";
import { parseYaml, type YamlDocument } from "../../manifests/parseYaml.js";
import { isObject } from "../../manifests/toResources.js";
import type { KustomizeExplanation } from "./explainKustomizeError.js";
import { KUSTOMIZATION_NAMES } from "./KustomizeGraph.js";

/** Reads a repo-relative file, or gives undefined when it cannot. */
export type ReadText = (path: string) => Promise<string | undefined>;

/** Where a kustomize failure is fixed, and the message to show there. */
export interface LocatedError {
  message: string;
  location?: Location;
}

/**
 * Points an explained kustomize failure at the kustomization line a human
 * edits: the resource entry that is missing, the patch entry without a
 * target, or the YAML syntax error (in the kustomization or in a resource
 * file it lists) (with our parser's reason, whose line
 * is exact where kustomize's YAML library often names the line before).
 *
 * @param dir - the build's directory, for errors that name none
 */
export async function locateKustomizeError(
  why: KustomizeExplanation,
  dir: string,
  read: ReadText,
): Promise<LocatedError> {
  if (why.badFile !== undefined) {
    const base = why.dir ?? dir;
    const path = posix.normalize(posix.join(base || ".", why.badFile));
    const text = await read(path);
    if (text !== undefined) return syntaxError(why, path, text);
  }
  const file = await kustomizationIn(why.dir ?? dir, read);
  if (!file) return { message: why.message };
  const { path, text } = file;
  if (why.syntaxLine !== undefined && why.badFile === undefined) {
    return syntaxError(why, path, text);
  }
  const doc = parseYaml(path, text).documents[0];
  if (why.entry !== undefined) {
    const line = entryLine(text, why.entry);
    if (line !== undefined)
      return { message: why.message, location: { path, line } };
  }
  if (why.patch && doc) {
    const at = await patchEntry(doc, why.patch, path, read);
    if (at) return { message: why.message, location: at };
  }
  return { message: why.message };
}

async function kustomizationIn(
  dir: string,
  read: ReadText,
): Promise<{ path: string; text: string } | undefined> {
  for (const name of KUSTOMIZATION_NAMES) {
    const path = dir === "" || dir === "." ? name : `${dir}/${name}`;
    const text = await read(path);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

function syntaxError(
  why: KustomizeExplanation,
  path: string,
  text: string,
): LocatedError {
  const problem = parseYaml(path, text).problems[0];
  const said = why.message.replace(/^[^(]*\(kustomize: /, "(kustomize: ");
  if (!problem?.location.line) {
    const line = why.syntaxLine ?? 1;
    return {
      message: `kustomize failed: ${path} is not valid YAML ${said}`,
      location: { path, line },
    };
  }
  return {
    message: `kustomize failed: ${path} is not valid YAML: ${problem.message} ${said}`,
    location: problem.location,
  };
}

/** The 1-based line of a `- entry` list item, if the text has one. */
function entryLine(text: string, entry: string): number | undefined {
  const quoted = entry.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const item = new RegExp(`^\\s*-\\s*(["']?)${quoted}\\1\\s*(#.*)?$`);
  const i = text.split(/\r?\n/).findIndex((l) => item.test(l));
  return i < 0 ? undefined : i + 1;
}

const PATCH_FIELDS = ["patches", "patchesStrategicMerge", "patchesJson6902"];

/** The patch entry that names `patch` (its file, or its Kind and name). */
async function patchEntry(
  doc: YamlDocument,
  patch: NonNullable<KustomizeExplanation["patch"]>,
  path: string,
  read: ReadText,
): Promise<Location | undefined> {
  const k = doc.value;
  if (!isObject(k)) return undefined;
  const dir = posix.dirname(path);
  for (const field of PATCH_FIELDS) {
    const list = Array.isArray(k[field]) ? (k[field] as unknown[]) : [];
    for (const [i, item] of list.entries()) {
      const ref = isObject(item) ? item["path"] : item;
      const found =
        "path" in patch
          ? ref === patch.path
          : patches(await patchBody(item, dir, read), patch);
      if (found) return doc.locate([field, i]);
    }
  }
  return undefined;
}

/** The text of a patch entry: inline, or read from the file it names. */
async function patchBody(
  item: unknown,
  dir: string,
  read: ReadText,
): Promise<string | undefined> {
  const inline = isObject(item) ? item["patch"] : undefined;
  if (typeof inline === "string") return inline;
  const ref = isObject(item) ? item["path"] : item;
  if (typeof ref !== "string") return undefined;
  // patchesStrategicMerge items may be inline patches too.
  if (ref.includes("\n")) return ref;
  return read(posix.normalize(posix.join(dir, ref)));
}

/** Whether a strategic merge patch text patches `Kind/name`. */
function patches(
  body: string | undefined,
  id: { kind: string; name: string },
): boolean {
  if (body === undefined) return false;
  return parseYaml("patch", body).documents.some((d) => {
    const v = d.value;
    const m = isObject(v) ? v["metadata"] : undefined;
    return (
      isObject(v) &&
      v["kind"] === id.kind &&
      isObject(m) &&
      m["name"] === id.name
    );
  });
}
