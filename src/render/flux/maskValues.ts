import { parse } from "yaml";
import { MASK } from "../diff/maskSecret.js";
import type { RenderedTarget } from "../RenderTarget.js";
import { renderedResource } from "../renderedResource.js";

/** Shorter values would mask ordinary words and numbers. */
const MIN_LENGTH = 4;

/**
 * The scalar values a Secret's `valuesFrom` entry gives helm: the raw
 * value under a `targetPath`, else the leaves of the YAML document.
 */
export function secretLeaves(value: string, targetPath: boolean): string[] {
  if (targetPath) return [value];
  let doc: unknown;
  try {
    doc = parse(value, { maxAliasCount: 100, logLevel: "error" });
  } catch (cause) {
    // Helm reports bad values itself; mask the whole text meanwhile.
    if (cause instanceof Error) return [value];
    throw cause;
  }
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object")
      Object.values(v).forEach(walk);
    else if (typeof v === "string" || typeof v === "number")
      out.push(String(v));
  };
  walk(doc);
  return out;
}

/**
 * Replaces every occurrence of a Secret's values in the rendered
 * resources with `<masked>`, so that values a chart copies out of a
 * Secret (into a ConfigMap, an env var, an annotation) are never repeated
 * in a report. Helm still rendered with the real values.
 */
export function maskValues(
  rendered: RenderedTarget,
  values: readonly string[],
): RenderedTarget {
  const secrets = [...new Set(values)]
    .filter((v) => v.length >= MIN_LENGTH)
    .sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return rendered;
  const mask = (v: unknown): unknown => {
    if (typeof v === "string") {
      return secrets.reduce((s, x) => s.split(x).join(MASK), v);
    }
    if (Array.isArray(v)) return v.map(mask);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k, mask(x)]),
      );
    }
    return v;
  };
  return {
    ...rendered,
    resources: rendered.resources.map((r) =>
      renderedResource(mask(r.object) as Record<string, unknown>, r.locate),
    ),
  };
}
