import { isObject } from "../../../manifests/toResources.js";

/** What matching needs to know about an object. */
export interface MatchSubject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  labels: Record<string, string>;
  /** Labels of the object's namespace, when that Namespace is known. */
  namespaceLabels?: Record<string, string>;
}

/**
 * Gatekeeper's `spec.match` of a constraint: kinds, scope, namespaces,
 * excludedNamespaces, name, labelSelector and namespaceSelector. Namespace
 * criteria do not filter cluster-scoped objects, except Namespaces, which
 * are matched by their own name (as Gatekeeper does).
 */
export function matchConstraint(
  match: Record<string, unknown>,
  s: MatchSubject,
): boolean {
  return (
    kindsMatch(match["kinds"], s) &&
    scopeMatch(match["scope"], s) &&
    namespacesMatch(match["namespaces"], s, true) &&
    namespacesMatch(match["excludedNamespaces"], s, false) &&
    nameMatch(match["name"], s) &&
    selectorMatch(match["labelSelector"], s.labels) &&
    namespaceSelectorMatch(match["namespaceSelector"], s)
  );
}

function group(apiVersion: string): string {
  return apiVersion.includes("/") ? apiVersion.split("/")[0]! : "";
}

function kindsMatch(kinds: unknown, s: MatchSubject): boolean {
  if (!Array.isArray(kinds) || kinds.length === 0) return true;
  return kinds.some((k) => {
    if (!isObject(k)) return false;
    const groups = list(k["apiGroups"]);
    const names = list(k["kinds"]);
    const g =
      groups.length === 0 ||
      groups.some((x) => x === "*" || x === group(s.apiVersion));
    const n =
      names.length === 0 || names.some((x) => x === "*" || x === s.kind);
    return g && n;
  });
}

function scopeMatch(scope: unknown, s: MatchSubject): boolean {
  if (scope === "Cluster") return s.namespace === undefined;
  if (scope === "Namespaced") return s.namespace !== undefined;
  return true;
}

/** The namespace a criterion applies to; undefined for cluster objects. */
function namespaceOf(s: MatchSubject): string | undefined {
  return s.kind === "Namespace" && group(s.apiVersion) === ""
    ? s.name
    : s.namespace;
}

function namespacesMatch(
  v: unknown,
  s: MatchSubject,
  include: boolean,
): boolean {
  const patterns = list(v);
  if (patterns.length === 0) return true;
  const ns = namespaceOf(s);
  if (ns === undefined) return true;
  const hit = patterns.some((p) => globMatch(p, ns));
  return include ? hit : !hit;
}

function nameMatch(v: unknown, s: MatchSubject): boolean {
  return typeof v !== "string" || v === "" || globMatch(v, s.name);
}

/** Gatekeeper's wildcards: a leading and/or trailing `*` only. */
export function globMatch(pattern: string, value: string): boolean {
  const pre = pattern.startsWith("*");
  const suf = pattern.endsWith("*") && pattern.length > 1;
  const core = pattern.slice(pre ? 1 : 0, suf ? -1 : undefined);
  if (pre && suf) return value.includes(core);
  if (pre) return value.endsWith(core);
  if (suf) return value.startsWith(core);
  return value === pattern;
}

/** A Kubernetes label selector (matchLabels and matchExpressions). */
export function selectorMatch(
  selector: unknown,
  labels: Record<string, string>,
): boolean {
  if (!isObject(selector)) return true;
  const ml = isObject(selector["matchLabels"]) ? selector["matchLabels"] : {};
  for (const [k, v] of Object.entries(ml)) {
    if (!Object.hasOwn(labels, k) || labels[k] !== v) return false;
  }
  const exprs = Array.isArray(selector["matchExpressions"])
    ? selector["matchExpressions"]
    : [];
  return exprs.every((e) => isObject(e) && expressionMatch(e, labels));
}

function expressionMatch(
  e: Record<string, unknown>,
  labels: Record<string, string>,
): boolean {
  const key = String(e["key"]);
  const has = Object.hasOwn(labels, key);
  const values = list(e["values"]);
  switch (e["operator"]) {
    case "In":
      return has && values.includes(labels[key]!);
    case "NotIn":
      return !has || !values.includes(labels[key]!);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    default:
      return false;
  }
}

function namespaceSelectorMatch(sel: unknown, s: MatchSubject): boolean {
  if (!isObject(sel)) return true;
  if (namespaceOf(s) === undefined) return true;
  const labels = s.kind === "Namespace" ? s.labels : (s.namespaceLabels ?? {});
  return selectorMatch(sel, labels);
}

function list(v: unknown): string[] {
  return Array.isArray(v)
    ? v.filter((x): x is string => typeof x === "string")
    : [];
}
