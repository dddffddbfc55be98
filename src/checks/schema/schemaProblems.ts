import type { ErrorObject } from "ajv";
import type { FieldPath } from "../../manifests/Resource.js";
import { formatFieldPath, toFieldPath } from "./fieldPath.js";
import { LIST_MAP_KEYS } from "./listKeys.js";
import { QUANTITY_PATTERN, suggestField } from "./schemaHints.js";

/** One real problem of a resource, before it becomes a finding. */
export interface SchemaProblem {
  ruleId: string;
  /** The offending field (for `schema/required`, the missing one). */
  path: FieldPath;
  /** Where to point: the field itself, or its parent when it is missing. */
  at: FieldPath;
  message: string;
  /** For an unknown field: the known field it is probably a typo of. */
  hint?: string;
}

/**
 * Turns ajv errors into one problem per real mistake: the branch errors of
 * an `anyOf` / `oneOf` collapse into that keyword's single error, `if`
 * errors (always followed by their `then`) are dropped, duplicates at
 * the same path are merged, and a required field that is only missing
 * because it is misspelt (`contaners`) is left to the unknown-field
 * problem that names it.
 *
 * @param root - the object as written (for array-vs-map path steps)
 */
export function schemaProblems(
  errors: readonly ErrorObject[],
  root: unknown,
): SchemaProblem[] {
  let kept: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword === "if") continue;
    if (e.keyword === "anyOf" || e.keyword === "oneOf") {
      kept = kept.filter((k) => !within(k.instancePath, e.instancePath));
    }
    kept.push(e);
  }
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const e of kept) {
    const problem = toProblem(e, root);
    const key = `${problem.ruleId} ${formatFieldPath(problem.path)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return withoutTypoedRequired(out);
}

function withoutTypoedRequired(problems: SchemaProblem[]): SchemaProblem[] {
  const typos = new Set(
    problems
      .filter((p) => p.hint !== undefined)
      .map((p) => formatFieldPath([...p.path.slice(0, -1), p.hint ?? ""])),
  );
  return problems.filter(
    (p) =>
      p.ruleId !== "schema/required" || !typos.has(formatFieldPath(p.path)),
  );
}

function within(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

function toProblem(e: ErrorObject, root: unknown): SchemaProblem {
  const at = toFieldPath(e.instancePath, root);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties": {
      const field = String(p["additionalProperty"]);
      const path = [...at, field];
      const hint = suggestField(field, e.parentSchema);
      const more = hint ? ` (did you mean "${hint}"?)` : "";
      const msg = `${formatFieldPath(path)}: unknown field "${field}"${more}`;
      const problem: SchemaProblem = {
        ruleId: "schema/unknown-field",
        path,
        at: path,
        message: msg,
      };
      if (hint !== undefined) problem.hint = hint;
      return problem;
    }
    case "uniqueItems":
    case LIST_MAP_KEYS:
      return duplicateItem(e, at);
    case "required": {
      const path = [...at, String(p["missingProperty"])];
      const msg = `${formatFieldPath(path)}: required field is missing`;
      return { ruleId: "schema/required", path, at, message: msg };
    }
    default:
      return valueProblem(e, at);
  }
}

function duplicateItem(e: ErrorObject, at: FieldPath): SchemaProblem {
  const p = e.params as { i: number; j: number; keys?: string[] };
  const [first, again] = [Math.min(p.i, p.j), Math.max(p.i, p.j)];
  const path = [...at, again];
  const same = p.keys
    ? `has the same ${p.keys.join(", ")} as item ${first} (x-kubernetes-list-type: map)`
    : `repeats item ${first} (x-kubernetes-list-type: set)`;
  const message = `${formatFieldPath(path)}: duplicate entry: ${same}`;
  return { ruleId: "schema/duplicate-item", path, at: path, message };
}

function valueProblem(e: ErrorObject, at: FieldPath): SchemaProblem {
  const where = formatFieldPath(at);
  const p = e.params as Record<string, unknown>;
  const problem = (ruleId: string, text: string): SchemaProblem => ({
    ruleId,
    path: at,
    at,
    message: `${where}: ${text}`,
  });
  switch (e.keyword) {
    case "type":
      return problem(
        "schema/type",
        `must be ${typeList(p["type"])}, got ${jsonType(e.data)}`,
      );
    case "enum":
    case "const":
      return problem(
        "schema/enum",
        `must be one of ${allowed(e)}${shown(e.data)}`,
      );
    case "pattern":
      return p["pattern"] === QUANTITY_PATTERN
        ? problem(
            "schema/format",
            `must be a Kubernetes quantity such as 500m, 2 or 1Gi${shown(e.data)}`,
          )
        : problem(
            "schema/format",
            `must match the pattern ${String(p["pattern"])}`,
          );
    case "format":
      return problem("schema/format", formatText(String(p["format"])));
    case "anyOf":
    case "oneOf":
      return problem(
        "schema/type",
        p["passingSchemas"]
          ? "matches more than one allowed form"
          : "matches none of the allowed forms",
      );
    default:
      return problem("schema/invalid", e.message ?? e.keyword);
  }
}

function formatText(format: string): string {
  return format === "byte"
    ? "must be base64-encoded (use stringData for plain text)"
    : `must be a valid ${format}`;
}

function typeList(type: unknown): string {
  const list = Array.isArray(type) ? type : String(type).split(",");
  return list.join(" or ");
}

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v === "object" ? "object" : typeof v;
}

function allowed(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  const values = (p["allowedValues"] ?? [p["allowedValue"]]) as unknown[];
  return values.map((v) => JSON.stringify(v)).join(", ");
}

/** Echoes short scalar values only: long ones could be secret material. */
function shown(v: unknown): string {
  if (typeof v === "number" || typeof v === "boolean") return `, got ${v}`;
  if (typeof v === "string" && v.length <= 40)
    return `, got ${JSON.stringify(v)}`;
  return "";
}
