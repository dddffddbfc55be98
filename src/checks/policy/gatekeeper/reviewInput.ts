import type { Severity } from "../../../findings/finding.js";

/** The identity of an object under review. */
export interface ReviewObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  object: Record<string, unknown>;
}

/**
 * The `input` a Gatekeeper template sees for one object, as `gator test`
 * builds it: an admission review of a CREATE plus the constraint's
 * parameters.
 */
export function reviewInput(o: ReviewObject, parameters: unknown): unknown {
  const slash = o.apiVersion.indexOf("/");
  const group = slash >= 0 ? o.apiVersion.slice(0, slash) : "";
  const version = slash >= 0 ? o.apiVersion.slice(slash + 1) : o.apiVersion;
  return {
    review: {
      kind: { group, version, kind: o.kind },
      name: o.name,
      namespace: o.namespace ?? "",
      operation: "CREATE",
      object: o.object,
    },
    parameters: parameters ?? {},
  };
}

/**
 * Gatekeeper's `data.inventory` (what its sync config replicates) built
 * from the objects of one render target, for referential templates:
 * `cluster[apiVersion][kind][name]` and
 * `namespace[ns][apiVersion][kind][name]`.
 */
export function inventory(objects: readonly ReviewObject[]): unknown {
  const cluster: Record<string, unknown> = {};
  const namespace: Record<string, unknown> = {};
  for (const o of objects) {
    const root =
      o.namespace === undefined ? cluster : child(namespace, o.namespace);
    const byKind = child(child(root, o.apiVersion), o.kind);
    define(byKind, o.name, o.object);
  }
  return { cluster, namespace };
}

function child(
  o: Record<string, unknown>,
  key: string,
): Record<string, unknown> {
  if (!Object.hasOwn(o, key)) define(o, key, {});
  return o[key] as Record<string, unknown>;
}

function define(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

const ACTION_SEVERITY: Record<string, Severity> = {
  deny: "error",
  warn: "warning",
  dryrun: "notice",
};

/**
 * The severity of a constraint's enforcement actions: deny is an error,
 * warn a warning, dryrun a notice; the worst action wins and an unknown
 * action counts as deny (fail closed).
 */
export function actionSeverity(actions: readonly string[]): Severity {
  const sev = actions.map((a) => ACTION_SEVERITY[a.toLowerCase()] ?? "error");
  if (sev.includes("error")) return "error";
  return sev.includes("warning") ? "warning" : "notice";
}
