import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

type Json = Record<string, unknown>;
interface Operation {
  template: string;
  method: string;
  pattern: RegExp;
  /** The same with the last parameter spanning slashes (`contents/{path}`). */
  greedy: RegExp;
  literals: number;
  schema?: Json;
  validate?: ValidateFunction;
}

const require = createRequire(import.meta.url);
const METHODS = ["get", "post", "put", "patch", "delete", "head"];
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;

let cache: Operation[] | undefined;
let ajv: Ajv | undefined;
let root: Json = {};

/**
 * GitHub's published REST description (`@octokit/openapi`), indexed by
 * method and path template. Loaded once per test file.
 */
function operations(): Operation[] {
  if (cache) return cache;
  const spec = require("@octokit/openapi/generated/api.github.com.json") as {
    paths: Record<string, Record<string, Json>>;
  };
  root = spec;
  cache = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) cache.push(index(template, method, op));
    }
  }
  cache.sort((a, b) => b.literals - a.literals);
  return cache;
}

function index(template: string, method: string, op: Json): Operation {
  const segments = template.split("/").filter(Boolean);
  const body = (op.requestBody as Json | undefined)?.content as
    Record<string, { schema?: Json }> | undefined;
  const schema = body?.["application/json"]?.schema;
  const source = segments
    .map((s) => (s.startsWith("{") ? "[^/]+" : escape(s)))
    .join("/");
  const greedy = source.replace(/\[\^\/\]\+(?!.*\[\^\/\]\+)/, ".+");
  const operation: Operation = {
    template,
    method: method.toUpperCase(),
    pattern: new RegExp(`^/${source}$`),
    greedy: new RegExp(`^/${greedy}$`),
    literals: segments.filter((s) => !s.startsWith("{")).length,
  };
  if (schema) operation.schema = schema;
  return operation;
}

/** Compiles a body schema on first use: most operations never are. */
function validatorOf(op: Operation): ValidateFunction | undefined {
  if (!op.schema || op.validate) return op.validate;
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
  }
  op.validate = ajv.compile(closed(deref(op.schema, root)) as Json);
  return op.validate;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Inlines `$ref`s; a cycle becomes an open schema. */
function deref(node: unknown, root: Json, seen: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => deref(n, root, seen));
  if (!node || typeof node !== "object") return node;
  const ref = (node as Json).$ref;
  if (typeof ref === "string") {
    if (seen.includes(ref)) return {};
    const target = ref
      .slice(2)
      .split("/")
      .reduce<unknown>((o, k) => (o as Json)[k], root);
    return deref(target, root, [...seen, ref]);
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = deref(v, root, seen);
  return out;
}

/**
 * GitHub ignores unknown body fields, so a typo (`annotation` for
 * `annotations`) would pass silently; closing plain objects catches it.
 */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === "properties" ? mapValues(v as Json) : closed(v);
  }
  // OpenAPI 3.0 `nullable` beside `anyOf` (no `type`) upsets Ajv.
  if ("nullable" in out && !("type" in out)) delete out.nullable;
  const combined = "oneOf" in out || "anyOf" in out || "allOf" in out;
  if (out.properties && !("additionalProperties" in out) && !combined) {
    out.additionalProperties = false;
  }
  return out;
}

function mapValues(o: Json): Json {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, closed(v)]));
}

/** What GitHub's description says of one request. */
export interface OpenApiCheck {
  operation?: string;
  errors: string[];
}

/**
 * Finds the documented operation for a method and path (GHES `/api/v3`
 * prefix and query string ignored) and validates the JSON body.
 * @example checkRequest("PATCH", "/repos/o/r/check-runs/1", { status: "x" })
 */
export function checkRequest(
  method: string,
  path: string,
  body: unknown,
): OpenApiCheck {
  const bare = path.replace(/^\/api\/v3/, "").split("?")[0] ?? "";
  const verb = method.toUpperCase();
  const ops = operations().filter((o) => o.method === verb);
  const op =
    ops.find((o) => o.pattern.test(bare)) ??
    ops.find((o) => o.greedy.test(bare));
  if (!op) return { errors: [`no documented operation ${method} ${bare}`] };
  const operation = `${op.method} ${op.template}`;
  const validate = validatorOf(op);
  if (!validate || body === undefined || body === "") {
    return { operation, errors: [] };
  }
  if (validate(body)) return { operation, errors: [] };
  const errors = (validate.errors ?? []).map(
    (e) => `${operation} body${e.instancePath}: ${e.message}`,
  );
  return { operation, errors };
}
