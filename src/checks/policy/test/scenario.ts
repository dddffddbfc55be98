import { configSchema, type ConfigInput } from "../../../config/schema.js";
import { parseYaml } from "../../../manifests/parseYaml.js";
import { toResources } from "../../../manifests/toResources.js";
import type { RenderedTarget } from "../../../render/RenderTarget.js";
import type { CheckInput } from "../../Check.js";
import { memoryTree } from "./memoryTree.js";

/** A rendered target from YAML files (path to content). */
export function target(
  path: string,
  files: Record<string, string>,
  environment?: string,
): RenderedTarget {
  const resources = Object.entries(files).flatMap(
    ([file, text]) =>
      toResources(file, parseYaml(file, text).documents).resources,
  );
  return {
    target: {
      id: `plain:${path}`,
      kind: "plain",
      path,
      inputs: Object.keys(files),
      ...(environment ? { environment } : {}),
    },
    ok: true,
    resources,
    findings: [],
  };
}

/** A check input with a base tree, a head tree, targets and config. */
export function checkInput(opts: {
  config?: ConfigInput;
  base?: Record<string, string>;
  head?: Record<string, string>;
  targets: RenderedTarget[];
  changed?: string[];
}): CheckInput {
  const input: CheckInput = {
    config: configSchema.parse(opts.config ?? {}),
    head: memoryTree(opts.head ?? {}, "head"),
    targets: opts.targets,
    changes: {
      all: opts.changed === undefined,
      paths: opts.changed ?? [],
      commits: [],
    },
    environmentOf: () => undefined,
  };
  if (opts.base) input.base = memoryTree(opts.base, "base");
  return input;
}
