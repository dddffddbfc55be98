import { parse, stringify } from "yaml";
import { isObject } from "../../manifests/toResources.js";
import type { FoundObject } from "../apps/scanObjects.js";
import { envsubst } from "./envsubst.js";
import type { FluxPlan } from "./planFlux.js";

const SUBSTITUTE = "kustomize.toolkit.fluxcd.io/substitute";

/**
 * A Flux object as the cluster receives it when the Kustomization that
 * applies it substitutes `postBuild` variables first: a HelmRelease's
 * `values: {host: app.${domain}}` or a child Kustomization's
 * `path: ./apps/${env}`. The parent is the Kustomization with variables
 * whose build reads the object's file; the object keeps its own file and
 * lines. Objects without such a parent, marked
 * `kustomize.toolkit.fluxcd.io/substitute: disabled`, or whose text Flux
 * could not substitute are returned unchanged (the parent's own render
 * reports that error).
 *
 * @returns the object, and the parent's file when its variables applied
 */
export function withParentVars(
  o: FoundObject,
  parents: readonly FluxPlan[],
): { object: FoundObject; parentFile?: string } {
  const parent = parents.find(
    (p) =>
      p.type === "kustomization" &&
      p.vars !== undefined &&
      p.file !== o.file &&
      p.inputs.includes(o.file),
  );
  const same = { object: o };
  if (parent?.type !== "kustomization" || !parent.vars) return same;
  if (disabled(o.object)) return same;
  try {
    const text = stringify(o.object, { lineWidth: 0 });
    const out = envsubst(text, parent.vars, {
      keepUnknown: parent.varsIncomplete === true,
    });
    if (out.text === text) return same;
    const object: unknown = parse(out.text, { maxAliasCount: 100 });
    if (!isObject(object)) return same;
    return { object: { ...o, object }, parentFile: parent.file };
  } catch (cause) {
    if (cause instanceof Error) return same;
    throw cause;
  }
}

function disabled(object: Record<string, unknown>): boolean {
  const meta = isObject(object["metadata"]) ? object["metadata"] : {};
  const pick = (m: unknown) => (isObject(m) ? m[SUBSTITUTE] : undefined);
  return (
    pick(meta["annotations"]) === "disabled" ||
    pick(meta["labels"]) === "disabled"
  );
}
