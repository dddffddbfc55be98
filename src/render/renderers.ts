import type { Renderer } from "./Renderer.js";
import { plainRenderer } from "./plain/plainRenderer.js";
import { kustomizeRenderer } from "./kustomize/kustomizeRenderer.js";
import { helmRenderer } from "./helm/helmRenderer.js";
import { argocdRenderer } from "./argocd/argocdRenderer.js";
import { fluxRenderer } from "./flux/fluxRenderer.js";

/** Every renderer, in discovery order. */
export const renderers: readonly Renderer[] = [
  plainRenderer,
  kustomizeRenderer,
  helmRenderer,
  argocdRenderer,
  fluxRenderer,
];
