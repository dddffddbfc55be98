import type { Location, ResourceRef } from "../findings/finding.js";
import type { Yaml11Scalar } from "./yaml11.js";

/** A path into a YAML value: map keys and sequence indexes. */
export type FieldPath = readonly (string | number)[];

/**
 * One Kubernetes object together with where it came from. Renderers that
 * produce objects from generated streams provide their own `locate`, so a
 * finding can still point at the file a human edits.
 */
export interface Resource {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  /** The object as plain JSON-compatible data. */
  object: Record<string, unknown>;
  /** The document's own position (first line of its content). */
  source: Location;
  /**
   * Where a field is defined. Falls back to the nearest ancestor that has a
   * known position, and finally to `source`.
   */
  locate(field: FieldPath): Location;
  /**
   * Unquoted scalars of the source that kubectl reads the YAML 1.1 way
   * (`yes` as `true`), with paths relative to `object`, which already
   * holds that reading. Only set for manifests parsed from source files:
   * objects of tool output hold the same reading, but their scalars are
   * not tracked (kustomize quotes such strings itself; Helm does not).
   */
  yaml11?: readonly Yaml11Scalar[];
}

/** The identity fields of a resource, for findings. */
export function resourceRef(r: Resource): ResourceRef {
  const ref: ResourceRef = {
    apiVersion: r.apiVersion,
    kind: r.kind,
    name: r.name,
  };
  if (r.namespace !== undefined) ref.namespace = r.namespace;
  return ref;
}
