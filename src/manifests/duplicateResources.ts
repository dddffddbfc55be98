import type { Finding } from "../findings/finding.js";
import { resourceRef, type Resource } from "./Resource.js";

/**
 * Resources declared twice (same apiVersion group, kind, namespace and
 * name) among the resources of one render target: the API server keeps
 * one of them, so the other's content is silently lost.
 *
 * @param target - the target's path (shown) and id (kept on the finding)
 */
export function duplicateResources(
  resources: readonly Resource[],
  target: { path: string; id: string },
): Finding[] {
  const seen = new Map<string, Resource>();
  const findings: Finding[] = [];
  for (const r of resources) {
    const key = identity(r);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, r);
      continue;
    }
    const where = `${first.source.path}:${first.source.line ?? 1}`;
    findings.push({
      check: "yaml",
      ruleId: "yaml/duplicate-resource",
      severity: "error",
      message:
        `${r.kind} ${qualifiedName(r)} is declared twice in target ` +
        `${target.path} (first at ${where})`,
      location: r.source,
      resource: resourceRef(r),
      target: target.id,
    });
  }
  return findings;
}

/** Identity as the API server sees it: group (not version), kind, ns, name. */
function identity(r: Resource): string {
  const group = r.apiVersion.includes("/") ? r.apiVersion.split("/")[0] : "";
  return [group, r.kind, r.namespace ?? "", r.name].join("\u0000");
}

function qualifiedName(r: Resource): string {
  return r.namespace ? `${r.namespace}/${r.name}` : r.name;
}
