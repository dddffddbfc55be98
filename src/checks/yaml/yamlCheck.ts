import type { Finding } from "../../findings/finding.js";
import { resourceRef, type Resource } from "../../manifests/Resource.js";
import type { RenderedTarget } from "../../render/RenderTarget.js";
import type { Check } from "../Check.js";

/**
 * YAML and structure problems: parse and structure findings that renderers
 * met (passed through) plus resources declared twice (same
 * apiVersion group, kind, namespace and name) within one target.
 */
export const yamlCheck = {
  name: "yaml",
  async run(input) {
    return input.targets.flatMap((t) => duplicates(t));
  },
} satisfies Check;

function duplicates(target: RenderedTarget): Finding[] {
  const seen = new Map<string, Resource>();
  const findings: Finding[] = [];
  for (const r of target.resources) {
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
        `${target.target.path} (first at ${where})`,
      location: r.source,
      resource: resourceRef(r),
      target: target.target.id,
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
