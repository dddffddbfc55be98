import type { Finding } from "../findings/finding.js";
import type { Resource } from "../manifests/Resource.js";

/** The kinds of render target the gate knows. */
export type TargetKind = "plain" | "kustomize" | "helm" | "argocd" | "flux";

/** Something that renders to a list of resources. */
export interface RenderTarget {
  /** Stable id, unique in a run: `kustomize:apps/web/overlays/prod`. */
  id: string;
  kind: TargetKind;
  /** Entry file or directory, relative to the repo root. */
  path: string;
  /** Files (relative) whose change means this target must be re-rendered. */
  inputs: string[];
  /** Environment name from config, when its paths match. */
  environment?: string;
  /** Renderer-specific options (values files, namespace, ...). */
  options?: Record<string, unknown>;
}

/** What rendering one target gave. */
export interface RenderedTarget {
  target: RenderTarget;
  /** False when rendering failed; `findings` then says why. */
  ok: boolean;
  resources: Resource[];
  /** Problems met while rendering (render, yaml). */
  findings: Finding[];
}
