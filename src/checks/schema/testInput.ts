import type { CheckInput } from "../Check.js";
import { configSchema, type ConfigInput } from "../../config/schema.js";
import { parseYaml } from "../../manifests/parseYaml.js";
import type { Resource } from "../../manifests/Resource.js";
import { toResources } from "../../manifests/toResources.js";
import type { Tree } from "../../workspace/Tree.js";

/** Files of an in-memory repository, by relative path. */
export type Files = Record<string, string>;

/** The resources of YAML files, with their real positions. */
export function resourcesOf(files: Files): Resource[] {
  return Object.entries(files).flatMap(([path, text]) => {
    const { documents } = parseYaml(path, text);
    return toResources(path, documents).resources;
  });
}

/** A read-only tree over in-memory files. */
export function memoryTree(files: Files): Tree {
  return {
    dir: "/nonexistent",
    side: "head",
    files: async () => Object.keys(files).sort(),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`no file ${path}`);
      return Buffer.from(text);
    },
  };
}

/**
 * A check input whose one plain target renders `rendered`, in a repository
 * holding those files plus `repoOnly` (CRDs that are not rendered).
 */
export function schemaInput(
  rendered: Files,
  opts: { repoOnly?: Files; config?: ConfigInput } = {},
): CheckInput {
  return {
    config: configSchema.parse(opts.config ?? {}),
    head: memoryTree({ ...rendered, ...opts.repoOnly }),
    targets: [
      {
        target: { id: "plain:.", kind: "plain", path: ".", inputs: [] },
        ok: true,
        resources: resourcesOf(rendered),
        findings: [],
      },
    ],
    changes: { all: true, paths: [], commits: [] },
    environmentOf: () => undefined,
  };
}
