import { isObject } from "../../../manifests/toResources.js";
import type { GatekeeperSubject } from "./gatekeeperPolicies.js";

/**
 * A Gatekeeper `ExpansionTemplate`: workloads it applies to are also
 * reviewed as the resource their pod template implies (a Deployment as a
 * Pod), so Pod constraints catch them before they are created.
 */
export interface ExpansionTemplate {
  name: string;
  applyTo: { groups: string[]; kinds: string[]; versions: string[] }[];
  /** Dotted path of the implied object, e.g. `spec.template`. */
  templateSource: string;
  generated: { group: string; version: string; kind: string };
  /** Overrides the constraints' enforcement action when set. */
  enforcementAction?: string;
}

/** Reads an ExpansionTemplate document; undefined when it is unusable. */
export function toExpansion(
  v: Record<string, unknown>,
): ExpansionTemplate | undefined {
  const spec = obj(v["spec"]);
  const gvk = obj(spec["generatedGVK"]);
  const source = spec["templateSource"];
  if (typeof source !== "string" || typeof gvk["kind"] !== "string")
    return undefined;
  const out: ExpansionTemplate = {
    name: String(obj(v["metadata"])["name"] ?? "(unnamed)"),
    applyTo: list(spec["applyTo"]).map((a) => ({
      groups: strings(obj(a)["groups"]),
      kinds: strings(obj(a)["kinds"]),
      versions: strings(obj(a)["versions"]),
    })),
    templateSource: source,
    generated: {
      group: String(gvk["group"] ?? ""),
      version: String(gvk["version"] ?? "v1"),
      kind: gvk["kind"],
    },
  };
  const action = spec["enforcementAction"];
  if (typeof action === "string" && action !== "")
    out.enforcementAction = action;
  return out;
}

/**
 * The resource an expansion implies for a subject, named like
 * Gatekeeper's expander (`<parent>-<kind>`), in the parent's namespace;
 * undefined when the template does not apply or the source is missing.
 */
export function expand(
  t: ExpansionTemplate,
  s: GatekeeperSubject,
): GatekeeperSubject | undefined {
  if (!applies(t, s)) return undefined;
  let node: unknown = s.object;
  for (const key of t.templateSource.split(".")) node = obj(node)[key];
  if (!isObject(node)) return undefined;
  const { group, version, kind } = t.generated;
  const apiVersion = group === "" ? version : `${group}/${version}`;
  const name = `${s.name}-${kind.toLowerCase()}`;
  const metadata: Record<string, unknown> = { ...obj(node["metadata"]), name };
  if (s.namespace !== undefined) metadata["namespace"] = s.namespace;
  const object = { ...node, apiVersion, kind, metadata };
  const labels = obj(metadata["labels"]);
  const child: GatekeeperSubject = {
    apiVersion,
    kind,
    name,
    object,
    labels: Object.fromEntries(
      Object.entries(labels).filter(([, v]) => typeof v === "string"),
    ) as Record<string, string>,
  };
  if (s.namespace !== undefined) child.namespace = s.namespace;
  if (s.namespaceLabels !== undefined)
    child.namespaceLabels = s.namespaceLabels;
  return child;
}

function applies(t: ExpansionTemplate, s: GatekeeperSubject): boolean {
  const slash = s.apiVersion.indexOf("/");
  const group = slash >= 0 ? s.apiVersion.slice(0, slash) : "";
  const version = s.apiVersion.slice(slash + 1);
  const has = (xs: string[], x: string) => xs.includes("*") || xs.includes(x);
  return t.applyTo.some(
    (a) =>
      has(a.groups, group) && has(a.kinds, s.kind) && has(a.versions, version),
  );
}

function obj(v: unknown): Record<string, unknown> {
  return isObject(v) ? v : {};
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function strings(v: unknown): string[] {
  return list(v).filter((x): x is string => typeof x === "string");
}
