import type { FieldPath } from "../../manifests/Resource.js";
import { isObject } from "../../manifests/toResources.js";

/** One answer of a `deny`/`violation`/`warn` rule, normalised. */
export interface PolicyResult {
  msg: string;
  /** Rule id the policy names (`id` or `ruleId`), e.g. the pack's ids. */
  id?: string;
  /** Field path of the offending value inside the resource. */
  field?: FieldPath;
  /** Resource the result is about, for combined-mode policies. */
  resource?: { kind?: string; name?: string; namespace?: string };
  details?: unknown;
}

/**
 * Normalises one value of a conftest or Gatekeeper rule: a string is the
 * message; an object must carry a string `msg`. Returns an error text for
 * anything else (conftest fails on those too).
 */
export function toPolicyResult(value: unknown): PolicyResult | string {
  if (typeof value === "string") return { msg: value };
  if (!isObject(value)) {
    return `rule returned ${describe(value)}, expected a string or an object with msg`;
  }
  const msg = value["msg"];
  if (typeof msg !== "string") {
    return "rule returned an object without a string msg";
  }
  const result: PolicyResult = { msg };
  const id = value["id"] ?? value["ruleId"];
  if (typeof id === "string" && id !== "") result.id = id;
  const field = fieldPath(value["field"]);
  if (field) result.field = field;
  const resource = value["resource"];
  if (isObject(resource)) result.resource = resourceHint(resource);
  if (value["details"] !== undefined) result.details = value["details"];
  return result;
}

/** A field path given as an array of keys and indexes, or a dotted text. */
function fieldPath(v: unknown): FieldPath | undefined {
  if (typeof v === "string" && v !== "") {
    return v.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  }
  if (!Array.isArray(v)) return undefined;
  const ok = v.every(
    (p) => typeof p === "string" || (Number.isInteger(p) && p >= 0),
  );
  return ok ? (v as (string | number)[]) : undefined;
}

function resourceHint(
  r: Record<string, unknown>,
): NonNullable<PolicyResult["resource"]> {
  const out: NonNullable<PolicyResult["resource"]> = {};
  if (typeof r["kind"] === "string") out.kind = r["kind"];
  if (typeof r["name"] === "string") out.name = r["name"];
  if (typeof r["namespace"] === "string") out.namespace = r["namespace"];
  return out;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return `a ${typeof v}`;
}
