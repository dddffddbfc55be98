import { isObject } from "../../manifests/toResources.js";

/**
 * Flux's `patches` as the API server stores them: only `patch` and
 * `target` survive (its CRD prunes other fields), so a `path` written
 * into a Flux object never makes kustomize read a file.
 */
export function inlinePatches(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  return v.filter(isObject).map((p) => {
    const out: Record<string, unknown> = {};
    if (p["patch"] !== undefined) out["patch"] = p["patch"];
    if (p["target"] !== undefined) out["target"] = p["target"];
    return out;
  });
}
