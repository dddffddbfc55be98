import { isObject } from "../../manifests/toResources.js";

/** One parameter set a generator produces. */
export type Params = Record<string, unknown>;

/** Parameter sets, each with the repo files read to produce it. */
export type Generated = { params: Params; read: string[] }[];

/**
 * Most parameter sets one generator may give (a matrix multiplies its
 * children's): more is refused with a notice rather than rendered, so a
 * hostile ApplicationSet cannot make the gate render millions of apps.
 */
export const MAX_PARAM_SETS = 2000;

/** Throws the notice for a generator that gives too many sets. */
export function checkCount(kind: string, n: number): void {
  if (n > MAX_PARAM_SETS)
    throw new AppSetNotice(
      `${kind} generator gives more than ${MAX_PARAM_SETS} parameter sets; the gate expands at most ${MAX_PARAM_SETS}`,
    );
}

/**
 * A generator the gate cannot expand (unsupported kind, invalid spec,
 * conflicting parameters): the message becomes a notice on the
 * ApplicationSet instead of Applications.
 */
export class AppSetNotice extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppSetNotice";
  }
}

/**
 * Replaces placeholders in every string of `value`: fasttemplate
 * `{{key}}` over flat keys, or with `go` Go-template `{{.a.b}}` field
 * paths. Unknown placeholders are left as written.
 */
export function substitute(
  value: unknown,
  params: Params,
  go: boolean,
): unknown {
  if (typeof value === "string") return renderString(value, params, go);
  if (Array.isArray(value)) return value.map((v) => substitute(v, params, go));
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, substitute(v, params, go)]),
    );
  }
  return value;
}

/** Renders one template string with fasttemplate or Go-template syntax. */
export function renderString(s: string, params: Params, go: boolean): string {
  return go ? goReplace(s, params) : fastReplace(s, params);
}

function fastReplace(s: string, params: Params): string {
  return s.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (all, key: string) =>
    Object.hasOwn(params, key) ? String(params[key]) : all,
  );
}

function goReplace(s: string, params: Params): string {
  return s.replace(/\{\{\s*\.([A-Za-z0-9_.]+)\s*\}\}/g, (all, key: string) => {
    let v: unknown = params;
    for (const k of key.split("."))
      v = isObject(v) && Object.hasOwn(v, k) ? v[k] : undefined;
    return v === undefined || isObject(v) ? all : String(v);
  });
}

/**
 * Flattens nested objects and arrays into dot-separated keys (`a.b`,
 * `list.0`) with string values, as Argo CD does for fasttemplate git-file
 * parameters and for matching selectors.
 */
export function flattenParams(value: unknown, prefix = ""): Params {
  const out: Params = {};
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : isObject(value)
      ? Object.entries(value)
      : [];
  for (const [k, v] of entries) {
    if (isObject(v) || Array.isArray(v))
      Object.assign(out, flattenParams(v, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v === null ? "" : String(v);
  }
  return out;
}

/**
 * Deep-merges parameter sets: nested objects are merged key by key and,
 * for any other value, `preferred` wins over `fallback`.
 */
export function deepMerge(fallback: Params, preferred: Params): Params {
  const out: Params = { ...fallback };
  for (const [k, v] of Object.entries(preferred)) {
    const old = out[k];
    out[k] = isObject(old) && isObject(v) ? deepMerge(old, v) : v;
  }
  return out;
}
