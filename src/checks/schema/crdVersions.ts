import type { Location } from "../../findings/finding.js";
import type { Resource } from "../../manifests/Resource.js";

/** One version of a custom resource kind, as a CRD declares it. */
export interface CrdVersion {
  /** `group/version`, what custom resources put in `apiVersion`. */
  apiVersion: string;
  kind: string;
  served: boolean;
  deprecated: boolean;
  deprecationWarning?: string;
  /** `openAPIV3Schema`, absent when the CRD declares none. */
  schema?: unknown;
  /**
   * The API server keeps fields the schema does not list (no pruning):
   * `spec.preserveUnknownFields`, which defaults to true in
   * `apiextensions.k8s.io/v1beta1` CRDs. Such fields are then not errors.
   */
  preserveUnknownFields: boolean;
  /** Where the CRD is, for messages. */
  source: Location;
}

type Json = Record<string, unknown>;

/** True for `apiextensions.k8s.io/*` `CustomResourceDefinition`. */
export function isCrd(r: Pick<Resource, "apiVersion" | "kind">): boolean {
  return (
    r.kind === "CustomResourceDefinition" &&
    r.apiVersion.startsWith("apiextensions.k8s.io/")
  );
}

/**
 * The versions a CRD declares, with their schema. Reads `apiextensions/v1`
 * (`spec.versions[].schema.openAPIV3Schema`) and the older v1beta1 shape
 * (`spec.version` / `spec.validation.openAPIV3Schema`). Malformed CRDs
 * give no versions: the schema check reports the CRD itself. A v1beta1
 * CRD keeps unknown fields unless it says `preserveUnknownFields: false`.
 */
export function crdVersions(crd: Resource): CrdVersion[] {
  const spec = obj(crd.object["spec"]);
  const group = str(spec["group"]);
  const kind = str(obj(spec["names"])["kind"]);
  if (!group || !kind) return [];
  const shared = obj(spec["validation"])["openAPIV3Schema"];
  const declared = Array.isArray(spec["versions"])
    ? spec["versions"].map(obj)
    : [{ name: spec["version"], served: true }];
  const preserve =
    spec["preserveUnknownFields"] === true ||
    (crd.apiVersion === "apiextensions.k8s.io/v1beta1" &&
      spec["preserveUnknownFields"] !== false);
  return declared
    .filter((v) => str(v["name"]))
    .map((v) => ({
      ...toVersion(v, group, kind, shared, crd.source),
      preserveUnknownFields: preserve,
    }));
}

function toVersion(
  v: Json,
  group: string,
  kind: string,
  shared: unknown,
  source: Location,
): Omit<CrdVersion, "preserveUnknownFields"> {
  const out: Omit<CrdVersion, "preserveUnknownFields"> = {
    apiVersion: `${group}/${String(v["name"])}`,
    kind,
    served: v["served"] !== false,
    deprecated: v["deprecated"] === true,
    source,
  };
  const schema = obj(v["schema"])["openAPIV3Schema"] ?? shared;
  if (schema !== undefined) out.schema = schema;
  const warning = str(v["deprecationWarning"]);
  if (warning) out.deprecationWarning = warning;
  return out;
}

function obj(v: unknown): Json {
  return typeof v === "object" && v !== null && !Array.isArray(v)
    ? (v as Json)
    : {};
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}
