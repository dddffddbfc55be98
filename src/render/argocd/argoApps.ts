import type { Location } from "../../findings/finding.js";
import { ofKind, type FoundObject } from "../apps/scanObjects.js";
import type { KustomizeGraph } from "../kustomize/KustomizeGraph.js";
import { expandAppSet } from "./expandAppSet.js";
import { planArgoApp, type ArgoPlan } from "./planArgoApp.js";
import type { RemoteConfig } from "../remote/RemoteChart.js";

/** An Application of the repo (written or generated), planned. */
export interface ArgoApp {
  /** Target id: `argocd:<file>#<name>` or `…#<appset>/<name>`. */
  id: string;
  file: string;
  plan: ArgoPlan;
  /** Where the Application (or its template) is written. */
  entry: Location;
  /** Notices of an ApplicationSet that could not be fully expanded. */
  notices: string[];
}

/** What finding the apps needs. */
export interface AppsContext {
  files: readonly string[];
  graph: KustomizeGraph;
  repoURLs: readonly string[];
  read: (path: string) => Promise<Buffer>;
  /** Hosts charts may be fetched from; none when absent. */
  remote?: Pick<RemoteConfig, "allow">;
}

/**
 * Every Argo CD Application of the repo, including those ApplicationSets
 * generate, each with its render plan.
 */
export async function argoApps(
  objects: readonly FoundObject[],
  ctx: AppsContext,
): Promise<ArgoApp[]> {
  const apps = ofKind(objects, "argoproj.io", "Application").map((o) =>
    fromApp(o, ctx),
  );
  for (const set of ofKind(objects, "argoproj.io", "ApplicationSet")) {
    apps.push(...(await fromAppSet(set, ctx)));
  }
  return apps;
}

function fromApp(o: FoundObject, ctx: AppsContext): ArgoApp {
  const plan = planArgoApp(o.object, {
    ...ctx,
    file: o.file,
    locate: (f) => o.doc.locate(["spec", ...f]),
  });
  return {
    id: `argocd:${o.file}#${o.name}`,
    file: o.file,
    plan,
    entry: o.doc.source,
    notices: [],
  };
}

async function fromAppSet(
  o: FoundObject,
  ctx: AppsContext,
): Promise<ArgoApp[]> {
  const exp = await expandAppSet(o.object, ctx.files, ctx.repoURLs, ctx.read);
  const entry = o.doc.locate(["spec", "template"]);
  const apps: ArgoApp[] = exp.apps.map(({ app, read }) => {
    const plan = planArgoApp(app, {
      ...ctx,
      file: o.file,
      locate: (f) => o.doc.locate(["spec", "template", "spec", ...f]),
    });
    plan.inputs = [...new Set([...plan.inputs, ...read])].sort();
    plan.dataFiles = [...new Set([...plan.dataFiles, ...read])].sort();
    return {
      id: `argocd:${o.file}#${o.name}/${plan.name}`,
      file: o.file,
      plan,
      entry,
      notices: [],
    };
  });
  if (exp.notices.length > 0) {
    apps.push({
      id: `argocd:${o.file}#${o.name}`,
      file: o.file,
      plan: { name: o.name, sources: [], inputs: [o.file], dataFiles: [] },
      entry: o.doc.source,
      notices: exp.notices,
    });
  }
  return apps;
}
