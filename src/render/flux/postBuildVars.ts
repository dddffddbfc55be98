import { isObject } from "../../manifests/toResources.js";
import type { FoundObject } from "../apps/scanObjects.js";
import { MASK } from "../diff/maskSecret.js";
import { dataOf, findData } from "./inRepoData.js";
import type { FluxNote } from "./planFlux.js";

/** The variables of a Kustomization's `postBuild`. */
export interface PostBuildVars {
  vars: Record<string, string>;
  /** Some source could not be read from the repo (cluster-only, SOPS). */
  incomplete: boolean;
}

/**
 * Collects `postBuild.substituteFrom` (in order, from ConfigMaps and
 * Secrets of the repo) and then `postBuild.substitute`, which wins, as
 * Flux does. Values from a Secret are substituted as `<masked>` so they
 * are never repeated in a report; SOPS-encrypted Secrets, which only the
 * cluster can decrypt, count as not in the repo.
 *
 * @param plan - receives the source files as inputs and notes
 * @returns undefined when there is no `postBuild`
 */
export function postBuildVars(
  spec: Record<string, unknown>,
  ns: string,
  o: FoundObject,
  objects: readonly FoundObject[],
  plan: { inputs: string[]; notes: FluxNote[] },
): PostBuildVars | undefined {
  const post = isObject(spec["postBuild"]) ? spec["postBuild"] : undefined;
  if (!post) return undefined;
  const vars: Record<string, string> = {};
  let incomplete = false;
  const from = Array.isArray(post["substituteFrom"])
    ? post["substituteFrom"]
    : [];
  from.filter(isObject).forEach((ref, i) => {
    const what = `substituteFrom ${String(ref["kind"])} "${String(ref["name"])}"`;
    const note = (why: string) =>
      plan.notes.push({
        severity: "notice",
        message: `${what} ${why}; its variables were not substituted`,
        at: o.doc.locate(["spec", "postBuild", "substituteFrom", i]),
      });
    const found = findData(objects, ref["kind"], ref["name"], ns);
    if (found) plan.inputs.push(found.file);
    if (found && isObject(found.object["sops"])) {
      incomplete = true;
      note("is encrypted with SOPS, which only the cluster can decrypt");
      return;
    }
    if (found) {
      Object.assign(vars, secretSafe(found));
      return;
    }
    incomplete = true;
    if (ref["optional"] !== true) note("is not in the repository");
  });
  if (isObject(post["substitute"])) {
    for (const [k, v] of Object.entries(post["substitute"]))
      vars[k] = String(v);
  }
  // Flux drops newlines from every value before substituting.
  const clean = Object.entries(vars).map(([k, v]) => [k, v.replace(/\n/g, "")]);
  return {
    vars: Object.fromEntries(clean) as Record<string, string>,
    incomplete,
  };
}

function secretSafe(found: FoundObject): Record<string, string> {
  const data = dataOf(found);
  if (found.kind !== "Secret") return data;
  return Object.fromEntries(Object.keys(data).map((k) => [k, MASK]));
}
