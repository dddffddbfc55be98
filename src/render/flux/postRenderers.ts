import { writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { stringify } from "yaml";
import type { Location } from "../../findings/finding.js";
import type { FieldPath, Resource } from "../../manifests/Resource.js";
import { isObject } from "../../manifests/toResources.js";
import { kustomizeBuild } from "../kustomize/kustomizeBuild.js";
import type { RenderedTarget } from "../RenderTarget.js";
import { renderedResource } from "../renderedResource.js";
import { inlinePatches } from "./inlinePatches.js";
import type { RenderLimits, Sandbox } from "../sandbox/Sandbox.js";

/** The kustomize fields a HelmRelease post-renderer may set. */
const FIELDS = [
  "patches",
  "patchesStrategicMerge",
  "patchesJson6902",
  "images",
];

/**
 * The kustomize overlays of a HelmRelease's `spec.postRenderers`, in
 * order; other post-renderer kinds do not exist in Flux.
 */
export function postRenderersOf(
  spec: Record<string, unknown>,
): Record<string, unknown>[] {
  const list = Array.isArray(spec["postRenderers"])
    ? spec["postRenderers"]
    : [];
  return list
    .filter(isObject)
    .map((p) => (isObject(p["kustomize"]) ? p["kustomize"] : {}))
    .map((k) =>
      Object.fromEntries(
        FIELDS.filter((f) => k[f] !== undefined).map((f) => [
          f,
          f === "patches" ? inlinePatches(k[f]) : k[f],
        ]),
      ),
    )
    .filter((k) => Object.keys(k).length > 0);
}

/**
 * Applies post-renderers to helm's output as helm-controller does: each
 * one a kustomize build over the previous result, with its inline patches
 * and images. Resources keep the template and values lines helm gave
 * them; a resource a patch adds points at the HelmRelease.
 */
export async function applyPostRenderers(
  sb: Sandbox,
  rendered: RenderedTarget,
  overlays: readonly Record<string, unknown>[],
  opts: { limits: RenderLimits; entry: Location; signal?: AbortSignal },
): Promise<RenderedTarget> {
  let current = rendered;
  for (const extra of overlays) {
    if (!current.ok) return current;
    const dir = await sb.scratchDir("post-render");
    await writeFile(
      join(dir, "rendered.yaml"),
      current.resources.map((r) => stringify(r.object)).join("---\n"),
    );
    await writeFile(
      join(dir, "kustomization.yaml"),
      stringify({ resources: ["rendered.yaml"] }),
    );
    const built = await kustomizeBuild(sb, {
      target: rendered.target,
      dir: relative(sb.root, dir),
      extra,
      enableHelm: false,
      limits: opts.limits,
      entry: opts.entry,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    current = {
      ...built,
      resources: built.resources.map((r) => relocate(r, current, opts.entry)),
      findings: [...current.findings, ...built.findings],
    };
  }
  return current;
}

/**
 * Fields a post-renderer left as helm made them keep helm's lines; the
 * ones it changed or added point at the HelmRelease.
 */
function relocate(
  r: Resource,
  before: RenderedTarget,
  entry: Location,
): Resource {
  const same = before.resources.find(
    (b) =>
      b.kind === r.kind &&
      b.name === r.name &&
      (b.namespace ?? "") === (r.namespace ?? ""),
  );
  // The build's own lines are right only where they name the HelmRelease
  // (its patches); the rest would name the scratch copy of helm's output.
  const changed = (path: FieldPath) => {
    const at = r.locate(path);
    return at.path === entry.path ? at : entry;
  };
  if (!same) return renderedResource(r.object, () => entry);
  return renderedResource(r.object, (path) =>
    path.length === 0 ||
    JSON.stringify(valueAt(same.object, path)) ===
      JSON.stringify(valueAt(r.object, path))
      ? same.locate(path)
      : changed(path),
  );
}

function valueAt(o: unknown, path: FieldPath): unknown {
  let v = o;
  for (const k of path) {
    if (isObject(v) || Array.isArray(v)) v = (v as Record<string, unknown>)[k];
    else return undefined;
  }
  return v;
}
