import type { Resource } from "../manifests/Resource.js";

/**
 * A resource from a tool's output. `object` must have `metadata` (the
 * output parser guarantees it); `source` is where `locate([])` points.
 */
export function renderedResource(
  object: Record<string, unknown>,
  locate: Resource["locate"],
): Resource {
  const metadata = object["metadata"] as Record<string, unknown>;
  const r: Resource = {
    apiVersion: String(object["apiVersion"]),
    kind: String(object["kind"]),
    name: String(metadata["name"] ?? metadata["generateName"]),
    object,
    source: locate([]),
    locate,
  };
  const ns = metadata["namespace"];
  if (typeof ns === "string" && ns !== "") r.namespace = ns;
  return r;
}
