import { duplicateResources } from "../../manifests/duplicateResources.js";
import type { Check } from "../Check.js";

/**
 * YAML and structure problems: parse and structure findings that renderers
 * met (passed through) plus resources declared twice (same
 * apiVersion group, kind, namespace and name) within one target.
 */
export const yamlCheck = {
  name: "yaml",
  async run(input) {
    return input.targets.flatMap((t) =>
      duplicateResources(t.resources, t.target),
    );
  },
} satisfies Check;
