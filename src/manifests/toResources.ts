import type { Finding } from "../findings/finding.js";
import type { FieldPath, Resource } from "./Resource.js";
import type { YamlDocument } from "./parseYaml.js";
import { asYaml11, type Yaml11Scalar } from "./yaml11.js";

/** Resources of a file plus the documents that are not valid objects. */
export interface ResourcesResult {
  resources: Resource[];
  problems: Finding[];
}

/**
 * Turns parsed YAML documents into Kubernetes resources. Empty documents
 * are skipped; `List` kinds (`v1/List`, `*List`) are expanded into their
 * items; a document without `apiVersion`, `kind` or `metadata.name` becomes
 * a `yaml/missing-field` finding on its line, and one where they are not
 * strings (`name: 123`) a `yaml/invalid-field` finding on the field.
 * Objects hold what kubectl reads (YAML 1.1 scalars: `yes` is `true`).
 */
export function toResources(
  path: string,
  documents: readonly YamlDocument[],
): ResourcesResult {
  const out: ResourcesResult = { resources: [], problems: [] };
  for (const doc of documents) {
    if (doc.value === null || doc.value === undefined) continue;
    collect(path, doc, asYaml11(doc.value, doc.yaml11), [], out);
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
  const invalid = notStrings(value);
  if (invalid.length > 0) {
    const scalars = within(doc.yaml11, at);
    for (const field of invalid) {
      const text = scalars.find((s) => same(s.path, field))?.text;
      out.problems.push(notAString(value, field, locate, text));
    }
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
  const resource = makeResource(value, locate, locate([]));
  const scalars = within(doc.yaml11, at);
  if (scalars.length > 0) resource.yaml11 = scalars;
  out.resources.push(resource);
}

/** The scalars under `at`, with paths relative to it. */
function within(
  scalars: readonly Yaml11Scalar[],
  at: FieldPath,
): Yaml11Scalar[] {
  return scalars
    .filter((s) => at.every((seg, i) => s.path[i] === seg))
    .map((s) => ({ ...s, path: s.path.slice(at.length) }));
}

const IDENTITY: readonly FieldPath[] = [
  ["apiVersion"],
  ["kind"],
  ["metadata", "name"],
  ["metadata", "namespace"],
  ["metadata", "generateName"],
];

/**
 * Identity fields that hold a number or a boolean (`name: 123`, `yes`).
 * A map there is most often a Go template (`{{ .Release.Name }}`), and
 * stays a missing field.
 */
function notStrings(value: Record<string, unknown>): FieldPath[] {
  return IDENTITY.filter((field) => {
    const v = valueAt(value, field);
    return typeof v === "number" || typeof v === "boolean";
  });
}

function notAString(
  value: Record<string, unknown>,
  field: FieldPath,
  locate: Resource["locate"],
  text: string | undefined,
): Finding {
  const v = valueAt(value, field);
  const name = field.join(".");
  const written = text ?? String(v);
  const how = text === undefined ? "" : " (kubectl reads YAML 1.1)";
  const message =
    `${name} must be a string, got ${typeof v} ${written}${how}; ` +
    `quote it: "${written}"`;
  return structure(locate(field), "yaml/invalid-field", message);
}

function same(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && a.every((seg, i) => seg === b[i]);
}

function valueAt(value: unknown, field: FieldPath): unknown {
  let node = value;
  for (const seg of field) {
    if (!isObject(node)) return undefined;
    node = node[String(seg)];
  }
  return node;
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
