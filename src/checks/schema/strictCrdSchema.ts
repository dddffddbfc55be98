import { LIST_MAP_KEYS } from "./listKeys.js";

type Json = Record<string, unknown>;

const EMBEDDED = {
  apiVersion: { type: "string" },
  kind: { type: "string" },
  metadata: { type: "object" },
};

/**
 * Makes a CRD's `openAPIV3Schema` strict the way kubeconform's `-strict`
 * does: every object that lists `properties` rejects other fields, unless
 * it says `x-kubernetes-preserve-unknown-fields: true`. Also honours
 * `x-kubernetes-int-or-string` (an integer or a string, whatever `anyOf`
 * spells it) and `x-kubernetes-embedded-resource` (an object that may
 * carry `apiVersion`, `kind` and `metadata`). The root gets `apiVersion`,
 * `kind` and `metadata` (free-form unless a strict ObjectMeta schema is
 * given: CRDs leave it to the API server, which rejects unknown fields).
 * With `keepUnknown` (a v1beta1 CRD's `preserveUnknownFields`), no object
 * but `metadata` rejects unlisted fields, as the API server did not.
 */
export function strictCrdSchema(
  openAPIV3Schema: unknown,
  metadata: Json = EMBEDDED.metadata,
  keepUnknown = false,
): Json {
  const root = strict(openAPIV3Schema, keepUnknown);
  const props = (root["properties"] ?? {}) as Json;
  root["properties"] = {
    ...props,
    ...EMBEDDED,
    ...pick(props, "apiVersion", "kind"),
    metadata,
  };
  root["type"] ??= "object";
  if (root["x-kubernetes-preserve-unknown-fields"] !== true && !keepUnknown) {
    root["additionalProperties"] ??= false;
  }
  return root;
}

function strict(node: unknown, keepUnknown: boolean): Json {
  if (typeof node !== "object" || node === null || Array.isArray(node)) {
    return {};
  }
  const s: Json = { ...(node as Json) };
  delete s["x-kubernetes-validations"]; // CEL: evaluated by the API server
  listType(s);
  if (s["x-kubernetes-int-or-string"] === true) return intOrString(s);
  if (s["x-kubernetes-embedded-resource"] === true) {
    s["properties"] = { ...EMBEDDED, ...((s["properties"] ?? {}) as Json) };
  }
  mapChildren(s, (child) => strict(child, keepUnknown));
  const open =
    keepUnknown || s["x-kubernetes-preserve-unknown-fields"] === true;
  if (s["properties"] !== undefined && !open) {
    s["additionalProperties"] ??= false;
  }
  return s;
}

function mapChildren(s: Json, strict: (node: unknown) => Json): void {
  for (const key of ["properties", "patternProperties"]) {
    const props = s[key];
    if (typeof props === "object" && props !== null) {
      s[key] = Object.fromEntries(
        Object.entries(props).map(([k, v]) => [k, strict(v)]),
      );
    }
  }
  for (const key of ["items", "additionalProperties", "not"]) {
    const v = s[key];
    if (typeof v === "object" && v !== null) {
      s[key] = Array.isArray(v) ? v.map(strict) : strict(v);
    }
  }
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const v = s[key];
    if (Array.isArray(v)) s[key] = v.map(strict);
  }
}

/**
 * `x-kubernetes-list-type`: the API server rejects a `set` with repeated
 * items and a `map` with two items of the same keys.
 */
function listType(s: Json): void {
  const type = s["x-kubernetes-list-type"];
  const keys = s["x-kubernetes-list-map-keys"];
  if (type === "set") s["uniqueItems"] = true;
  if (type === "map" && Array.isArray(keys) && keys.every(isString)) {
    s[LIST_MAP_KEYS] = keys;
  }
}

function isString(v: unknown): v is string {
  return typeof v === "string";
}

/** int-or-string: the usual `anyOf: [{type: integer}, {type: string}]` is
 * dropped so a wrong value gives one type error, not three. */
function intOrString(s: Json): Json {
  const out: Json = { ...s, type: ["integer", "string"] };
  const anyOf = out["anyOf"];
  if (Array.isArray(anyOf) && anyOf.every(isBareType)) delete out["anyOf"];
  return out;
}

function isBareType(v: unknown): boolean {
  return (
    typeof v === "object" &&
    v !== null &&
    Object.keys(v).length === 1 &&
    "type" in v
  );
}

function pick(o: Json, ...keys: string[]): Json {
  return Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
}
