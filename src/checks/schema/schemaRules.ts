/** What a rule of the schema check means and how to fix what it finds. */
export interface SchemaRuleDoc {
  id: string;
  title: string;
  /** The usual severity (`schema/unknown-kind` follows config). */
  severity: "error" | "warning" | "notice" | "config";
  description: string;
  remediation: string;
}

const rule = (
  id: string,
  severity: SchemaRuleDoc["severity"],
  title: string,
  description: string,
  remediation: string,
): SchemaRuleDoc => ({ id, title, severity, description, remediation });

/**
 * Every rule id the schema check reports, for `/gitops explain` and the
 * docs. Keyed by rule id.
 */
export const SCHEMA_RULES: ReadonlyMap<string, SchemaRuleDoc> = new Map(
  [
    rule(
      "schema/unknown-field",
      "error",
      "Field not in the schema",
      "The field is not part of the kind's schema (kubeconform -strict). The API server rejects it with strict field validation, or drops it silently: a misspelt field never takes effect.",
      "Fix the spelling (the message suggests the closest known field) or move the field to where the schema has it.",
    ),
    rule(
      "schema/type",
      "error",
      "Wrong type",
      "The value has the wrong JSON type: a string where an integer belongs, a map where a list belongs, a number in a string map such as labels, annotations or ConfigMap data.",
      "Write the value with the type the message names; quote numbers meant as strings.",
    ),
    rule(
      "schema/required",
      "error",
      "Required field missing",
      "A field the schema requires is absent; the finding points at the object that lacks it.",
      "Add the field.",
    ),
    rule(
      "schema/enum",
      "error",
      "Value not allowed",
      "The value is not one of those the schema allows.",
      "Use one of the values the message lists.",
    ),
    rule(
      "schema/format",
      "error",
      "Malformed value",
      "The value does not have the required format: a Kubernetes quantity (500m, 1Gi), base64 in Secret data, a date-time, a Go duration, or a CRD pattern.",
      "Write the value in that format; for Secret data, base64-encode it or use stringData.",
    ),
    rule(
      "schema/invalid",
      "error",
      "Value out of bounds",
      "The value breaks another constraint of the schema, such as a minimum, a maximum or a length.",
      "Change the value to satisfy the constraint in the message.",
    ),
    rule(
      "schema/removed-api",
      "error",
      "apiVersion removed",
      "The target Kubernetes version (checks.schema.kubernetesVersion) no longer serves this apiVersion of the kind, or its CRD marks the version as not served: the apply fails.",
      "Move to the replacement apiVersion the message names, adapting changed fields (see the Kubernetes deprecated API migration guide).",
    ),
    rule(
      "schema/deprecated-api",
      "warning",
      "apiVersion deprecated",
      "The apiVersion still works on the target version but is deprecated and will be removed.",
      "Move to the replacement apiVersion before upgrading the cluster.",
    ),
    rule(
      "schema/unavailable-api",
      "error",
      "apiVersion too new",
      "The apiVersion is only served by Kubernetes releases newer than the target version.",
      "Use the older apiVersion the cluster serves, or raise checks.schema.kubernetesVersion when the cluster is upgraded.",
    ),
    rule(
      "schema/unknown-kind",
      "config",
      "No schema for the kind",
      "No shipped schema and no CRD in the repository describes this apiVersion and kind, so its fields are not checked. A Kubernetes kind in a version no release serves, or a kind Kubernetes does not have in one of its own groups (`apps/v1` `deployment`), is an error.",
      "Add the CRD to the repository (any YAML file), fix the apiVersion, or set checks.schema.unknownKinds.",
    ),
    rule(
      "schema/kubernetes-version",
      "error",
      "Target Kubernetes version not covered",
      "checks.schema.kubernetesVersion is not a Kubernetes version, or is outside the releases the shipped schemas and API lifecycle table cover (an error below the oldest, a warning above the newest: fields and API removals of later releases are not known).",
      'Set checks.schema.kubernetesVersion to the cluster\'s minor release, e.g. "1.33"; for a newer cluster, upgrade GitOps Gate.',
    ),
    rule(
      "schema/duplicate-item",
      "error",
      "Duplicate list entry",
      "The CRD declares the list x-kubernetes-list-type: set (items must be unique) or map (no two items with the same x-kubernetes-list-map-keys), and the API server rejects a repeat.",
      "Remove the repeated entry, or merge the two entries into one.",
    ),
    rule(
      "schema/invalid-crd",
      "error",
      "CRD schema does not compile",
      "The openAPIV3Schema of the CRD that declares the kind is not a valid schema (a bad pattern, a malformed keyword), so its custom resources cannot be checked.",
      "Fix the CRD's schema; patterns use RE2 syntax, as on the API server.",
    ),
  ].map((r) => [r.id, r]),
);
