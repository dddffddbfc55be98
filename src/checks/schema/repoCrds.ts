import type { RenderedTarget } from "../../render/RenderTarget.js";
import { parseYaml } from "../../manifests/parseYaml.js";
import { toResources } from "../../manifests/toResources.js";
import type { Resource } from "../../manifests/Resource.js";
import type { Tree } from "../../workspace/Tree.js";
import { crdVersions, isCrd, type CrdVersion } from "./crdVersions.js";

const YAML_FILE = /\.ya?ml$/i;
const MARKER = "CustomResourceDefinition";

/**
 * Every CRD version the change can rely on: those declared by YAML files of
 * the head revision (a chart's `crds/`, a `crds.yaml`) and those among the
 * rendered resources. Rendered CRDs come last so that they win over a file
 * of the same kind and version (they are what gets applied).
 */
export async function repoCrds(
  head: Tree,
  targets: readonly RenderedTarget[],
): Promise<CrdVersion[]> {
  const fromFiles = await crdsInFiles(head);
  const rendered = targets.flatMap((t) => t.resources).filter(isCrd);
  return [...fromFiles, ...rendered].flatMap(crdVersions);
}

async function crdsInFiles(head: Tree): Promise<Resource[]> {
  const out: Resource[] = [];
  for (const path of await head.files()) {
    if (!YAML_FILE.test(path)) continue;
    const content = await readOrSkip(head, path);
    if (content === undefined || !content.includes(MARKER)) continue;
    const parsed = parseYaml(path, content);
    out.push(...toResources(path, parsed.documents).resources.filter(isCrd));
  }
  return out;
}

/** A file the tree refuses (a symlink out of it, a race with a delete) is
 * not a CRD source; the yaml check and the renderers report it. */
async function readOrSkip(
  head: Tree,
  path: string,
): Promise<Buffer | undefined> {
  try {
    return await head.readFile(path);
  } catch {
    return undefined;
  }
}
