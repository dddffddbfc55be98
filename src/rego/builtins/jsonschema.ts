import { Ajv, type ErrorObject } from "ajv";
import { fromJS, toJS } from "../convert.js";
import { RObject, typeName, type Value } from "../value.js";
import { parseJSON } from "./json.js";
import { BuiltinError, register, typeErr } from "./registry.js";

const TYPES = [
  "array",
  "boolean",
  "integer",
  "number",
  "null",
  "object",
  "string",
];

function doc(v: Value, pos: number): unknown {
  if (typeof v === "string") {
    try {
      return toJS(parseJSON(v));
    } catch (e) {
      throw new BuiltinError(
        `operand ${pos}: invalid JSON`,
        "eval_builtin_error",
        false,
        e,
      );
    }
  }
  if (v instanceof RObject || typeof v === "boolean") return toJS(v);
  throw typeErr(pos, "one of {string, object, boolean}", v);
}

function badType(s: unknown): string | undefined {
  if (Array.isArray(s)) return s.map(badType).find((x) => x);
  if (!s || typeof s !== "object") return undefined;
  for (const [k, v] of Object.entries(s)) {
    if (k === "type") {
      for (const t of Array.isArray(v) ? v : [v])
        if (typeof t === "string" && !TYPES.includes(t)) return t;
    }
    const inner = badType(v);
    if (inner) return inner;
  }
  return undefined;
}

function compileSchema(schema: unknown): ReturnType<Ajv["compile"]> {
  const bad = badType(schema);
  if (bad)
    throw new Error(
      `has a primitive type that is NOT VALID -- given: /${bad}/ Expected valid values are:[${TYPES.join(" ")}]`,
    );
  return new Ajv({ strict: false, allErrors: true }).compile(schema as object);
}

function goType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function detail(e: ErrorObject, data: unknown): Value {
  const field = e.instancePath
    ? e.instancePath.slice(1).replace(/\//g, ".")
    : "(root)";
  let desc = e.message ?? "invalid";
  let type = e.keyword;
  if (e.keyword === "type") {
    const got = e.instancePath
      .split("/")
      .slice(1)
      .reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], data);
    desc = `Invalid type. Expected: ${String(e.params.type)}, given: ${goType(got)}`;
    type = "invalid_type";
  } else if (e.keyword === "required")
    desc = `${String(e.params.missingProperty)} is required`;
  return fromJS({ desc, error: `${field}: ${desc}`, field, type });
}

register("json.verify_schema", 1, ([s]) => {
  try {
    compileSchema(doc(s!, 1));
    return [true, null];
  } catch (e) {
    if (e instanceof BuiltinError) throw e;
    return [false, `jsonschema: ${(e as Error).message}`];
  }
});
register("json.match_schema", 2, ([d, s]) => {
  const data = doc(d!, 1);
  let validate: ReturnType<Ajv["compile"]>;
  try {
    validate = compileSchema(doc(s!, 2));
  } catch (e) {
    if (e instanceof BuiltinError) throw e;
    throw new BuiltinError(
      (e as Error).message,
      "eval_builtin_error",
      false,
      e,
    );
  }
  if (validate(data)) return [true, []];
  return [false, (validate.errors ?? []).map((e) => detail(e, data))];
});

export { typeName };
