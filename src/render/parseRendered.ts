import type { Finding } from "../findings/finding.js";
import { parseYaml } from "../manifests/parseYaml.js";
import { isObject } from "../manifests/toResources.js";
import { asYaml11 } from "../manifests/yaml11.js";

/** Objects of a tool's output, and what was wrong with the rest. */
export interface RenderedObjects {
  objects: Record<string, unknown>[];
  problems: Finding[];
}

/** Alias expansion cap for tool output (kustomize itself has none). */
export const OUTPUT_ALIAS_LIMIT = 1000;

/**
 * Parses a tool's YAML stream with our own limits: alias expansion is
 * capped, so a "billion laughs" document that kustomize passes through
 * becomes a finding instead of exhausting memory. Problems are reported on
 * `entry` (the stream's lines mean nothing to a human). Objects hold what
 * kubectl, Argo CD and Flux read from the stream (YAML 1.1 scalars):
 * kustomize quotes `"yes"` itself, but Helm prints templates as written.
 */
export function parseRendered(text: string, entry: string): RenderedObjects {
  const parsed = parseYaml(entry, text, {
    maxFileBytes: Number.MAX_SAFE_INTEGER,
    maxAliasCount: OUTPUT_ALIAS_LIMIT,
  });
  const problems = parsed.problems.map((p): Finding => ({
    ...p,
    check: "render",
    ruleId: `render/${p.ruleId.replace(/^yaml\//, "output-")}`,
    message: `rendered output: ${p.message}`,
    location: { path: entry },
  }));
  const objects: Record<string, unknown>[] = [];
  for (const doc of parsed.documents) {
    const v = asYaml11(doc.value, doc.yaml11);
    if (v === null || v === undefined) continue;
    if (isObject(v) && isObject(v["metadata"]) && v["kind"]) objects.push(v);
  }
  return { objects, problems };
}
