import type { Location } from "../../findings/finding.js";
import { isObject } from "../../manifests/toResources.js";
import type { Config } from "../../config/schema.js";
import { ofKind, type FoundObject } from "../apps/scanObjects.js";
import { directoryFiles } from "../apps/renderDirectory.js";
import { chartFiles, isChartDir } from "../helm/findCharts.js";
import type { KustomizeGraph } from "../kustomize/KustomizeGraph.js";
import { repoPath } from "../kustomize/repoPath.js";
import { dataOf, findData } from "./inRepoData.js";
import { postRenderersOf } from "./postRenderers.js";
import { postBuildVars } from "./postBuildVars.js";
import { withParentVars } from "./parentVars.js";
import { secretLeaves } from "./maskValues.js";
import { inlinePatches } from "./inlinePatches.js";
import { generatedResources } from "./generatedResources.js";
import { has, type InlineValuesAt } from "../helm/helmLocator.js";
import type { RemoteChart, RemoteConfig } from "../remote/RemoteChart.js";
import { fluxChartSource } from "./fluxChartSource.js";

/** A note on a Flux object that did not (fully) render. */
export interface FluxNote {
  severity: "notice" | "error";
  message: string;
  at: Location;
}

interface Common {
  id: string;
  file: string;
  entry: Location;
  inputs: string[];
  notes: FluxNote[];
}

/** A Flux Kustomization or HelmRelease and how to render it. */
export type FluxPlan = Common &
  (
    | {
        type: "kustomization";
        dir: string;
        /** The `spec.path` field, where a missing folder is reported. */
        pathAt: Location;
        /** No kustomization file: Flux generates one over the directory. */
        generate: boolean;
        extra: Record<string, unknown>;
        components: string[];
        vars?: Record<string, string>;
        /** Some substituteFrom source is not in the repo (cluster-only). */
        varsIncomplete?: boolean;
      }
    | {
        type: "helmrelease";
        chartDir: string;
        releaseName: string;
        namespace?: string;
        valueFiles: string[];
        values: (Record<string, unknown> | string)[];
        inlineAt: InlineValuesAt;
        replaceChartValues: boolean;
        /** Values taken from Secrets, masked in the rendered output. */
        secretValues: string[];
        /** kustomize overlays of `spec.postRenderers`, in order. */
        postRenderers: Record<string, unknown>[];
        /** A chart fetched from an allowed host (then `chartDir` is ""). */
        remote?: RemoteChart;
      }
    | { type: "skip" }
  );

/** What planning needs. */
export interface FluxContext {
  files: readonly string[];
  graph: KustomizeGraph;
  objects: readonly FoundObject[];
  gitRepository: Config["render"]["flux"]["gitRepository"];
  /** Hosts charts may be fetched from; none when absent. */
  remote?: Pick<RemoteConfig, "allow">;
}

/** Plans every Flux Kustomization and HelmRelease of the repo. */
export function planFlux(ctx: FluxContext): FluxPlan[] {
  const kustomizations = ofKind(
    ctx.objects,
    "kustomize.toolkit.fluxcd.io",
    "Kustomization",
  );
  // One level of nesting: a parent's variables as written in the repo.
  const parents = kustomizations.map((o) => planKustomization(o, ctx));
  const plan = (o: FoundObject, fn: typeof planKustomization) => {
    const { object, parentFile } = withParentVars(o, parents);
    const p = fn(object, ctx);
    if (parentFile) p.inputs = [...new Set([...p.inputs, parentFile])].sort();
    return p;
  };
  return [
    ...kustomizations.map((o) => plan(o, planKustomization)),
    ...ofKind(ctx.objects, "helm.toolkit.fluxcd.io", "HelmRelease").map((o) =>
      plan(o, planHelmRelease),
    ),
  ];
}

function common(o: FoundObject): Common {
  const ns = o.namespace ?? "default";
  return {
    id: `flux:${o.file}#${ns}/${o.name}`,
    file: o.file,
    entry: o.doc.source,
    inputs: [o.file],
    notes: [],
  };
}

function isOurRepo(ref: unknown, ns: string, ctx: FluxContext): boolean {
  if (!isObject(ref) || ref["kind"] !== "GitRepository") return false;
  const refNs = typeof ref["namespace"] === "string" ? ref["namespace"] : ns;
  return (
    ref["name"] === ctx.gitRepository.name &&
    refNs === ctx.gitRepository.namespace
  );
}

function planKustomization(o: FoundObject, ctx: FluxContext): FluxPlan {
  const c = common(o);
  const spec = isObject(o.object["spec"]) ? o.object["spec"] : {};
  const ns = o.namespace ?? "default";
  const at = (f: string[]) => o.doc.locate(["spec", ...f]);
  if (!isOurRepo(spec["sourceRef"], ns, ctx)) {
    c.notes.push({
      severity: "notice",
      message:
        "sourceRef is not this repository's GitRepository (render.flux.gitRepository); not rendered",
      at: at(["sourceRef"]),
    });
    return { ...c, type: "skip" };
  }
  const dir = repoPath("", String(spec["path"] ?? "./"));
  if (dir === undefined) {
    c.notes.push({
      severity: "error",
      message: `path "${String(spec["path"])}" leaves the repository; refused before rendering`,
      at: at(["path"]),
    });
    return { ...c, type: "skip" };
  }
  const generate = !ctx.graph.nodes.has(dir);
  c.inputs.push(
    ...(generate ? generatedInputs(dir, ctx) : ctx.graph.inputs(dir)),
  );
  const components = (
    Array.isArray(spec["components"]) ? spec["components"] : []
  )
    .map((x) => repoPath(dir, String(x)))
    .filter((x): x is string => x !== undefined);
  for (const comp of components) c.inputs.push(...ctx.graph.inputs(comp));
  const plan: FluxPlan = {
    ...c,
    type: "kustomization",
    dir,
    pathAt: at(["path"]),
    generate,
    extra: kustomizeExtra(spec),
    components,
  };
  const vars = postBuildVars(spec, ns, o, ctx.objects, plan);
  if (vars) {
    plan.vars = vars.vars;
    if (vars.incomplete) plan.varsIncomplete = true;
  }
  plan.inputs = [...new Set(plan.inputs)].sort();
  return plan;
}

/**
 * What a generated kustomization reads: the manifests below `dir` and,
 * for nested kustomizations, everything they read (which may lie outside).
 */
function generatedInputs(dir: string, ctx: FluxContext): string[] {
  const nested = generatedResources(dir, ctx.files)
    .map((r) => (dir === "" ? r : `${dir}/${r}`))
    .filter((d) => ctx.graph.nodes.has(d));
  return [
    ...directoryFiles(ctx.files, { dir, recurse: true }),
    ...nested.flatMap((d) => ctx.graph.inputs(d)),
  ];
}

function kustomizeExtra(
  spec: Record<string, unknown>,
): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  if (typeof spec["targetNamespace"] === "string")
    extra["namespace"] = spec["targetNamespace"];
  for (const f of ["namePrefix", "nameSuffix", "images"]) {
    if (spec[f] !== undefined) extra[f] = spec[f];
  }
  if (spec["patches"] !== undefined)
    extra["patches"] = inlinePatches(spec["patches"]);
  const meta = isObject(spec["commonMetadata"]) ? spec["commonMetadata"] : {};
  if (isObject(meta["labels"]))
    extra["labels"] = [{ pairs: meta["labels"], includeSelectors: false }];
  if (isObject(meta["annotations"]))
    extra["commonAnnotations"] = meta["annotations"];
  return extra;
}

function planHelmRelease(o: FoundObject, ctx: FluxContext): FluxPlan {
  const c = common(o);
  const spec = isObject(o.object["spec"]) ? o.object["spec"] : {};
  const ns = o.namespace ?? "default";
  const at = (f: (string | number)[]) => o.doc.locate(["spec", ...f]);
  const chart =
    isObject(spec["chart"]) && isObject(spec["chart"]["spec"])
      ? spec["chart"]["spec"]
      : undefined;
  if (!chart || !isOurRepo(chart["sourceRef"], ns, ctx)) {
    const what = chart
      ? `chart "${String(chart["chart"])}" from ${String((chart["sourceRef"] as Record<string, unknown> | undefined)?.["kind"])}`
      : "chartRef";
    const source = fluxChartSource(
      spec,
      ns,
      ctx.objects,
      ctx.remote ?? { allow: [] },
      what,
    );
    if ("fetch" in source && chart?.["valuesFiles"] === undefined) {
      c.inputs.push(source.sourceFile);
      const parts = releaseParts(o, spec, ctx, c, at);
      return {
        ...c,
        ...parts,
        chartDir: "",
        valueFiles: [],
        replaceChartValues: false,
        remote: source.fetch,
      };
    }
    c.notes.push({
      severity: "notice",
      message:
        "notice" in source
          ? source.notice
          : "valuesFiles of a fetched chart are files inside that chart, " +
            "which the gate does not read; it was not rendered",
      at: at(chart ? ["chart", "spec", "chart"] : ["chartRef"]),
    });
    return { ...c, type: "skip" };
  }
  const chartDir = repoPath("", String(chart["chart"] ?? ""));
  if (chartDir === undefined || !isChartDir(ctx.files, chartDir)) {
    c.notes.push({
      severity: "error",
      message: `chart path "${String(chart["chart"])}" is not a chart directory of this repository`,
      at: at(["chart", "spec", "chart"]),
    });
    return { ...c, type: "skip" };
  }
  const listed = (
    Array.isArray(chart["valuesFiles"]) ? chart["valuesFiles"] : []
  ).map(String);
  const escaping = listed.find((f) => repoPath("", f) === undefined);
  if (escaping !== undefined) {
    c.notes.push({
      severity: "error",
      message: `values file "${escaping}" leaves the repository; refused before rendering`,
      at: at(["chart", "spec", "valuesFiles"]),
    });
    return { ...c, type: "skip" };
  }
  const valueFiles = listed
    .map((f) => repoPath("", f))
    .filter((f): f is string => f !== undefined)
    .filter(
      (f) =>
        chart["ignoreMissingValuesFiles"] !== true || ctx.files.includes(f),
    );
  c.inputs.push(...chartFiles(ctx.files, chartDir), ...valueFiles);
  const parts = releaseParts(o, spec, ctx, c, at);
  return {
    ...c,
    ...parts,
    chartDir,
    valueFiles,
    // source-controller packages the chart with the merged valuesFiles as
    // its values.yaml: the chart's own defaults apply only when listed.
    replaceChartValues: true,
  };
}

/** What a HelmRelease renders with, wherever its chart comes from. */
function releaseParts(
  o: FoundObject,
  spec: Record<string, unknown>,
  ctx: FluxContext,
  c: Common,
  at: (f: (string | number)[]) => Location,
) {
  const ns = o.namespace ?? "default";
  const secretValues: string[] = [];
  const values = valuesFrom(spec, ns, ctx, c, at, secretValues);
  if (isObject(spec["values"])) values.push(spec["values"]);
  const target =
    typeof spec["targetNamespace"] === "string"
      ? spec["targetNamespace"]
      : undefined;
  const releaseName =
    typeof spec["releaseName"] === "string"
      ? spec["releaseName"]
      : target
        ? `${target}-${o.name}`
        : o.name;
  c.inputs = [...new Set(c.inputs)].sort();
  const inlineAt: InlineValuesAt = (keys) =>
    has(spec["values"], keys)
      ? o.doc.locate(["spec", "values", ...keys])
      : undefined;
  return {
    type: "helmrelease" as const,
    releaseName,
    namespace: target ?? ns,
    secretValues,
    values,
    inlineAt,
    postRenderers: postRenderersOf(spec),
  };
}

function valuesFrom(
  spec: Record<string, unknown>,
  ns: string,
  ctx: FluxContext,
  c: Common,
  at: (f: (string | number)[]) => Location,
  secretValues: string[],
): (Record<string, unknown> | string)[] {
  const out: (Record<string, unknown> | string)[] = [];
  const list = Array.isArray(spec["valuesFrom"]) ? spec["valuesFrom"] : [];
  list.filter(isObject).forEach((ref, i) => {
    const found = findData(ctx.objects, ref["kind"], ref["name"], ns);
    const key =
      typeof ref["valuesKey"] === "string" ? ref["valuesKey"] : "values.yaml";
    // SOPS-encrypted data only decrypts in the cluster.
    const sops = found !== undefined && isObject(found.object["sops"]);
    const value = found && !sops ? dataOf(found)[key] : undefined;
    if (found) c.inputs.push(found.file);
    if (value === undefined) {
      if (ref["optional"] !== true) {
        c.notes.push({
          severity: "notice",
          message: `valuesFrom ${String(ref["kind"])} "${String(ref["name"])}" key "${key}" ${sops ? "is encrypted with SOPS" : "is not in the repository"}; rendered without it`,
          at: at(["valuesFrom", i]),
        });
      }
      return;
    }
    const path =
      typeof ref["targetPath"] === "string" ? ref["targetPath"] : undefined;
    if (found?.kind === "Secret") {
      secretValues.push(...secretLeaves(value, path !== undefined));
    }
    out.push(path ? nested(path.split("."), value) : value);
  });
  return out;
}

function nested(keys: string[], value: string): Record<string, unknown> {
  let v: unknown = value;
  for (const k of [...keys].reverse()) v = { [k]: v };
  return v as Record<string, unknown>;
}
