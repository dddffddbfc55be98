import type { Finding } from "../findings/finding.js";
import type { FieldPath, Resource } from "./Resource.js";
import type { YamlDocument } from "./parseYaml.js";

/** Resources of a file plus the documents that are not valid objects. */
export interface ResourcesResult {
  resources: Resource[];
  problems: Finding[];
}

/**
 * Turns parsed YAML documents into Kubernetes resources. Empty documents
 * are skipped; `List` kinds (`v1/List`, `*List`) are expanded into their
 * items; a document without `apiVersion`, `kind` or `metadata.name` becomes
 * a `yaml/missing-field` finding on its line.
 */
export function toResources(
  path: string,
  documents: readonly YamlDocument[],
): ResourcesResult {
  const out: ResourcesResult = { resources: [], problems: [] };
  for (const doc of documents) {
    if (doc.value === null || doc.value === undefined) continue;
    collect(path, doc, doc.value, [], out);
  }
  return out;
}

function collect(
  path: string,
  doc: YamlDocument,
  value: unknown,
  at: FieldPath,
  out: ResourcesResult,
): void {
  const locate = (field: FieldPath) => doc.locate([...at, ...field]);
  if (!isObject(value)) {
    out.problems.push(
      structure(locate([]), "yaml/not-an-object", "document is not a map"),
    );
    return;
  }
  const items = value["items"];
  if (isListKind(value) && Array.isArray(items)) {
    items.forEach((item, i) =>
      collect(path, doc, item, [...at, "items", i], out),
    );
    return;
  }
  const missing = missingFields(value);
  if (missing.length > 0) {
    const loc = locate(missing.includes("metadata.name") ? ["metadata"] : []);
    const what = missing.join(", ");
    out.problems.push(
      structure(loc, "yaml/missing-field", `document has no ${what}`),
    );
    return;
  }
  out.resources.push(makeResource(value, locate, locate([])));
}

function makeResource(
  object: Record<string, unknown>,
  locate: Resource["locate"],
  source: Resource["source"],
): Resource {
  const metadata = object["metadata"] as Record<string, unknown>;
  const ns = metadata["namespace"];
  const resource: Resource = {
    apiVersion: String(object["apiVersion"]),
    kind: String(object["kind"]),
    name: String(metadata["name"] ?? metadata["generateName"]),
    object,
    source,
    locate,
  };
  if (typeof ns === "string" && ns !== "") resource.namespace = ns;
  return resource;
}

function missingFields(value: Record<string, unknown>): string[] {
  const missing: string[] = [];
  if (!nonEmptyString(value["apiVersion"])) missing.push("apiVersion");
  if (!nonEmptyString(value["kind"])) missing.push("kind");
  const metadata = value["metadata"];
  const named =
    isObject(metadata) &&
    (nonEmptyString(metadata["name"]) ||
      nonEmptyString(metadata["generateName"]));
  if (!named) missing.push("metadata.name");
  return missing;
}

function isListKind(value: Record<string, unknown>): boolean {
  const kind = value["kind"];
  return typeof kind === "string" && kind.endsWith("List");
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === "string" && v.trim() !== "";
}

/** True for a plain (non-array) object. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function structure(
  location: Finding["location"],
  ruleId: string,
  message: string,
): Finding {
  return { check: "yaml", ruleId, severity: "error", message, location };
}
