import { argoApps } from "../argocd/argoApps.js";
import { planFlux } from "../flux/planFlux.js";
import { kustomizeGraph } from "../kustomize/KustomizeGraph.js";
import type { RenderContext } from "../Renderer.js";
import { helmChartValueFiles } from "./helmChartValueFiles.js";
import { directoryFiles } from "./renderDirectory.js";
import { scanObjects } from "./scanObjects.js";
import { thisRepoURLs } from "./thisRepoURLs.js";

/** What the Argo CD and Flux apps of a repo already render. */
export interface AppClaims {
  kustomizeDirs: Set<string>;
  chartDirs: Set<string>;
  /**
   * Files apps read as data (Helm values files, git generator files):
   * never plain manifests, wherever they live.
   */
  dataFiles: Set<string>;
  /**
   * Plain manifest files an app deploys as they are (an Argo CD
   * directory source, a Flux Kustomization without a kustomization file),
   * after its own changes (Flux variable substitution, namespaces).
   */
  manifestFiles: Set<string>;
}

const cache = new WeakMap<readonly string[], Promise<AppClaims>>();

/**
 * The kustomizations and charts that an in-repo Argo CD
 * Application or Flux Kustomization / HelmRelease renders, and the files
 * they read as values. The kustomize, Helm and plain renderers leave these
 * to the apps, which render them with the options and values the cluster
 * really gets, so a change is checked once, as deployed, not twice.
 */
export function appClaims(
  files: readonly string[],
  ctx: RenderContext,
): Promise<AppClaims> {
  let claims = cache.get(files);
  if (!claims) {
    claims = collect(files, ctx);
    cache.set(files, claims);
  }
  return claims;
}

async function collect(
  files: readonly string[],
  ctx: RenderContext,
): Promise<AppClaims> {
  const read = (p: string) => ctx.tree.readFile(p);
  const { render } = ctx.config;
  const claims: AppClaims = {
    kustomizeDirs: new Set(),
    chartDirs: new Set(),
    dataFiles: new Set(),
    manifestFiles: new Set(),
  };
  const objects = await scanObjects(files, files, read);
  const graph = await kustomizeGraph(files, read);
  if (render.argocd.enabled) {
    const repoURLs = thisRepoURLs(objects, render);
    const apps = await argoApps(objects, { files, graph, read, repoURLs });
    for (const s of apps.flatMap((app) => app.plan.sources)) {
      if (s.type === "kustomize") claims.kustomizeDirs.add(s.dir);
      if (s.type === "helm") claims.chartDirs.add(s.chartDir);
      if (s.type === "directory") {
        for (const f of directoryFiles(files, s.opts)) {
          claims.manifestFiles.add(f);
        }
      }
    }
    for (const f of apps.flatMap((app) => app.plan.dataFiles)) {
      claims.dataFiles.add(f);
    }
  }
  if (render.flux.enabled) {
    const { gitRepository } = render.flux;
    for (const f of helmChartValueFiles(objects, gitRepository)) {
      claims.dataFiles.add(f);
    }
    for (const p of planFlux({ files, graph, objects, gitRepository })) {
      if (p.type === "helmrelease") {
        claims.chartDirs.add(p.chartDir);
        for (const f of p.valueFiles) claims.dataFiles.add(f);
      }
      if (p.type === "kustomization" && !p.generate) {
        claims.kustomizeDirs.add(p.dir);
      }
      if (p.type === "kustomization" && p.generate) {
        const opts = { dir: p.dir, recurse: true };
        for (const f of directoryFiles(files, opts)) {
          claims.manifestFiles.add(f);
        }
      }
    }
  }
  return claims;
}
