import type { Location } from "../../findings/finding.js";
import { isObject } from "../../manifests/toResources.js";
import {
  directoryFiles,
  type DirectoryOptions,
} from "../apps/renderDirectory.js";
import { isThisRepo } from "../apps/sameRepo.js";
import { chartFiles, isChartDir } from "../helm/findCharts.js";
import type { KustomizeGraph } from "../kustomize/KustomizeGraph.js";
import { repoPath } from "../kustomize/repoPath.js";
import { has, type InlineValuesAt } from "../helm/helmLocator.js";
import { inlineYaml } from "../locate/inlineYaml.js";
import { helmValueFiles } from "./helmValueFiles.js";
import { valueFilePath } from "./valueFilePath.js";
import { argoChart, fetchedChartFiles } from "./argoChart.js";
import {
  isAllowed,
  type RemoteChart,
  type RemoteConfig,
} from "../remote/RemoteChart.js";

/** One source of an Application, as the gate will render it. */
export type PlannedSource =
  | {
      type: "kustomize";
      dir: string;
      extra: Record<string, unknown>;
      components: string[];
    }
  | {
      type: "helm";
      chartDir: string;
      releaseName: string;
      namespace?: string;
      valueFiles: string[];
      values: (Record<string, unknown> | string)[];
      set: { name: string; value: string; forceString?: boolean }[];
      /** `fileParameters`: repo-relative files passed with `--set-file`. */
      setFiles: { name: string; path: string }[];
      skipCrds: boolean;
      inlineAt?: InlineValuesAt;
      /** A chart fetched from an allowed host (then `chartDir` is ""). */
      remote?: RemoteChart;
      /** Where a fetch failure is reported (the `chart` line). */
      at?: Location;
    }
  | {
      type: "directory";
      opts: DirectoryOptions;
      /** The source's `path` field, where a missing folder is reported. */
      pathAt?: Location;
      /** `.jsonnet` files Argo CD would evaluate and the gate does not. */
      jsonnet?: { files: string[]; at: Location };
    }
  | {
      type: "skip";
      severity: "notice" | "error";
      message: string;
      at: Location;
    };

/** An Application and how to render it. */
export interface ArgoPlan {
  name: string;
  sources: PlannedSource[];
  /** Files whose change changes the render (the Application file too). */
  inputs: string[];
  /**
   * Repo files the app reads as data, not as manifests: Helm values files
   * (also of sources the gate does not render) and git generator files.
   */
  dataFiles: string[];
}

/** What planning needs to know about the repo. */
export interface PlanContext {
  files: readonly string[];
  graph: KustomizeGraph;
  repoURLs: readonly string[];
  /** Locates a field of the Application spec (`["source", "path"]`). */
  locate: (field: (string | number)[]) => Location;
  /** The file that defines the Application. */
  file: string;
  /** Hosts charts may be fetched from; none when absent. */
  remote?: Pick<RemoteConfig, "allow">;
}

/**
 * Plans the render of an Argo CD Application: each source becomes a
 * kustomize build, a `helm template` or a directory read; sources in other
 * repositories, Helm-repository charts and plugins become notices.
 */
export function planArgoApp(
  app: Record<string, unknown>,
  ctx: PlanContext,
): ArgoPlan {
  const meta = isObject(app["metadata"]) ? app["metadata"] : {};
  const spec = isObject(app["spec"]) ? app["spec"] : {};
  const name = String(meta["name"] ?? "app");
  const list = Array.isArray(spec["sources"])
    ? spec["sources"]
    : [spec["source"]];
  const at = Array.isArray(spec["sources"])
    ? (i: number) => ["sources", i]
    : () => ["source"];
  const refs = refSources(list, ctx.repoURLs);
  const dest = isObject(spec["destination"]) ? spec["destination"] : {};
  const ns =
    typeof dest["namespace"] === "string" ? dest["namespace"] : undefined;
  const sources = list.map((s, i) =>
    planSource(s, { ...ctx, base: at(i), name, ns, refs }),
  );
  const dataFiles = new Set(
    list.flatMap((s) => helmValueFiles(s, refs, ctx.repoURLs)),
  );
  const inputs = new Set<string>([ctx.file, ...dataFiles]);
  for (const s of sources) for (const f of sourceInputs(s, ctx)) inputs.add(f);
  return {
    name,
    sources,
    inputs: [...inputs].sort(),
    dataFiles: [...dataFiles].sort(),
  };
}

interface SourceCtx extends PlanContext {
  base: (string | number)[];
  name: string;
  ns: string | undefined;
  /** `ref` name → repo-relative root ("" = repo root) of this repo. */
  refs: Map<string, string | undefined>;
}

function refSources(list: unknown[], repoURLs: readonly string[]) {
  const refs = new Map<string, string | undefined>();
  for (const s of list) {
    if (!isObject(s) || typeof s["ref"] !== "string") continue;
    refs.set(s["ref"], isThisRepo(s["repoURL"], repoURLs) ? "" : undefined);
  }
  return refs;
}

function planSource(s: unknown, ctx: SourceCtx): PlannedSource {
  const loc = (f: (string | number)[]) => ctx.locate([...ctx.base, ...f]);
  const skip = (severity: "notice" | "error", message: string, f: string[]) =>
    ({ type: "skip", severity, message, at: loc(f) }) as const;
  if (!isObject(s)) return skip("error", "Application has no source", []);
  const url = String(s["repoURL"] ?? "");
  if (typeof s["chart"] === "string") {
    const chart = argoChart({ ...s, chart: s["chart"] });
    if (isAllowed(chart.repo, ctx.remote ?? { allow: [] })) {
      return planHelm(s, "", ctx, skip, chart);
    }
    return skip(
      "notice",
      `Helm chart "${s["chart"]}" from ${url} was not fetched; this source is not rendered`,
      ["chart"],
    );
  }
  if (!isThisRepo(url, ctx.repoURLs)) {
    if (typeof s["ref"] === "string" && s["path"] === undefined) {
      return { type: "directory", opts: { dir: "\0none", recurse: false } };
    }
    return skip(
      "notice",
      `source ${url} is another repository (not in render.argocd.repoURLs); it was not fetched or rendered`,
      ["repoURL"],
    );
  }
  if (s["path"] === undefined && typeof s["ref"] === "string") {
    return { type: "directory", opts: { dir: "\0none", recurse: false } };
  }
  const dir = repoPath("", String(s["path"] ?? "."));
  if (dir === undefined) {
    return skip(
      "error",
      `path "${String(s["path"])}" leaves the repository; refused before rendering`,
      ["path"],
    );
  }
  if (isObject(s["plugin"])) {
    return skip(
      "notice",
      "config management plugins never run in the gate; this source is not rendered",
      ["plugin"],
    );
  }
  if (ctx.graph.nodes.has(dir)) return planKustomize(s, dir);
  if (isChartDir(ctx.files, dir)) return planHelm(s, dir, ctx, skip);
  const d = isObject(s["directory"]) ? s["directory"] : {};
  const opts: DirectoryOptions = { dir, recurse: d["recurse"] === true };
  if (typeof d["include"] === "string") opts.include = d["include"];
  if (typeof d["exclude"] === "string") opts.exclude = d["exclude"];
  const jsonnet = directoryFiles(ctx.files, opts, /\.jsonnet$/);
  const pathAt = loc(["path"]);
  if (jsonnet.length === 0) return { type: "directory", opts, pathAt };
  const at = loc([]);
  return { type: "directory", opts, pathAt, jsonnet: { files: jsonnet, at } };
}

const KUSTOMIZE_FIELDS = [
  "namePrefix",
  "nameSuffix",
  "namespace",
  "images",
  "commonLabels",
  "commonAnnotations",
  "replicas",
  "patches",
];

function planKustomize(s: Record<string, unknown>, dir: string): PlannedSource {
  const k = isObject(s["kustomize"]) ? s["kustomize"] : {};
  const extra: Record<string, unknown> = {};
  for (const f of KUSTOMIZE_FIELDS) if (k[f] !== undefined) extra[f] = k[f];
  if (Array.isArray(extra["images"])) {
    // Argo CD writes `name=newName:tag` strings; kustomize wants objects.
    extra["images"] = (extra["images"] as unknown[]).map(imageOverride);
  }
  if (Array.isArray(extra["replicas"])) {
    // Argo CD takes `count` as a string too; kustomize wants a number.
    extra["replicas"] = (extra["replicas"] as unknown[]).map(replicaCount);
  }
  if (k["labelWithoutSelector"] === true && isObject(k["commonLabels"])) {
    // Argo CD then adds the labels without touching selectors (or, unless
    // labelIncludeTemplates, pod templates).
    delete extra["commonLabels"];
    extra["labels"] = [
      {
        pairs: k["commonLabels"],
        includeSelectors: false,
        includeTemplates: k["labelIncludeTemplates"] === true,
      },
    ];
  }
  const components = (Array.isArray(k["components"]) ? k["components"] : [])
    .map((c) => repoPath(dir, String(c)))
    .filter((c): c is string => c !== undefined);
  return { type: "kustomize", dir, extra, components };
}

/**
 * Argo CD escapes the commas of a Helm parameter (helm would split the
 * `--set` there), except in a `{a,b}` list value.
 */
function escapeCommas(v: string): string {
  if (v.startsWith("{") && v.endsWith("}")) return v;
  return v.replace(/(?<!\\),/g, "\\,");
}

function replicaCount(v: unknown): unknown {
  if (!isObject(v) || typeof v["count"] !== "string") return v;
  const n = Number(v["count"]);
  return Number.isInteger(n) ? { ...v, count: n } : v;
}

function imageOverride(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const [name, rest] = v.includes("=")
    ? v.split("=", 2)
    : [v.replace(/[:@].*$/, ""), v];
  const m = /^(.*?)(?:@(sha256:.+)|:([^:/]+))?$/.exec(rest ?? "");
  const out: Record<string, string> = { name: name ?? v };
  if (m?.[1] && m[1] !== name) out["newName"] = m[1];
  if (m?.[2]) out["digest"] = m[2];
  if (m?.[3]) out["newTag"] = m[3];
  return out;
}

function planHelm(
  s: Record<string, unknown>,
  dir: string,
  ctx: SourceCtx,
  skip: (sev: "notice" | "error", msg: string, f: string[]) => PlannedSource,
  remote?: RemoteChart,
): PlannedSource {
  const h = isObject(s["helm"]) ? s["helm"] : {};
  const inChart = remote && fetchedChartFiles(h);
  if (inChart) return skip("notice", inChart.message, ["helm", inChart.field]);
  const valueFiles: string[] = [];
  for (const v of Array.isArray(h["valueFiles"]) ? h["valueFiles"] : []) {
    const refused = refuseValueFile(String(v), dir, ctx.refs);
    if (refused)
      return skip(refused.severity, refused.message, ["helm", "valueFiles"]);
    const resolved = valueFilePath(String(v), dir, ctx.refs) ?? "";
    if (h["ignoreMissingValueFiles"] === true && !ctx.files.includes(resolved))
      continue;
    valueFiles.push(resolved);
  }
  const values: (Record<string, unknown> | string)[] = [];
  // Argo CD gives valuesObject precedence over values.
  if (isObject(h["valuesObject"])) values.push(h["valuesObject"]);
  else if (typeof h["values"] === "string") values.push(h["values"]);
  else if (isObject(h["values"])) values.push(h["values"]);
  const set = (Array.isArray(h["parameters"]) ? h["parameters"] : [])
    .filter(isObject)
    .map((p) => ({
      name: String(p["name"]),
      value: escapeCommas(String(p["value"] ?? "")),
      forceString: p["forceString"] === true,
    }));
  const setFiles: { name: string; path: string }[] = [];
  const params = Array.isArray(h["fileParameters"]) ? h["fileParameters"] : [];
  for (const p of params.filter(isObject)) {
    // Argo CD resolves these against the source path, inside the repo.
    const path = repoPath(dir, String(p["path"] ?? ""));
    if (path === undefined) {
      return skip(
        "error",
        `fileParameters path "${String(p["path"])}" leaves the repository; refused before rendering`,
        ["helm", "fileParameters"],
      );
    }
    setFiles.push({ name: String(p["name"]), path });
  }
  const plan: PlannedSource = {
    type: "helm",
    chartDir: dir,
    releaseName:
      typeof h["releaseName"] === "string" ? h["releaseName"] : ctx.name,
    valueFiles,
    values,
    set,
    setFiles,
    skipCrds: h["skipCrds"] === true,
  };
  if (ctx.ns) plan.namespace = ctx.ns;
  if (remote) {
    plan.remote = remote;
    plan.at = ctx.locate([...ctx.base, "chart"]);
  }
  const inline = values[0];
  if (inline !== undefined && plan.type === "helm") {
    plan.inlineAt = inlineValuesAt(inline, (f) =>
      ctx.locate([...ctx.base, "helm", ...f]),
    );
  }
  return plan;
}

function sourceInputs(s: PlannedSource, ctx: PlanContext): string[] {
  switch (s.type) {
    case "kustomize":
      return [
        ...ctx.graph.inputs(s.dir),
        ...s.components.flatMap((c) => ctx.graph.inputs(c)),
      ];
    case "helm":
      return [
        ...(s.remote ? [] : chartFiles(ctx.files, s.chartDir)),
        ...s.valueFiles,
        ...s.setFiles.map((f) => f.path),
      ];
    case "directory":
      return [
        ...directoryFiles(ctx.files, s.opts),
        ...(s.jsonnet?.files ?? []),
      ];
    case "skip":
      return [];
  }
}

/** Where an Application's inline Helm values set a key. */
function inlineValuesAt(
  inline: Record<string, unknown> | string,
  locate: (f: (string | number)[]) => Location,
): InlineValuesAt {
  if (typeof inline !== "string") {
    return (keys) =>
      has(inline, keys) ? locate(["valuesObject", ...keys]) : undefined;
  }
  // `values` is one YAML string; Helm reports bad values itself.
  const doc = inlineYaml(locate(["values"]), inline)[0];
  return (keys) => (doc && has(doc.value, keys) ? doc.locate(keys) : undefined);
}

/**
 * Why a `helm.valueFiles` entry cannot be read: a URL (Argo CD would
 * fetch it; the gate does not), a `$ref` to another repository (both
 * notices), or a path that leaves the repository (an error, as Argo CD
 * refuses it too).
 */
function refuseValueFile(
  v: string,
  dir: string,
  refs: ReadonlyMap<string, string | undefined>,
): { severity: "notice" | "error"; message: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
    return {
      severity: "notice",
      message: `values file "${v}" is remote and was not fetched; this source is not rendered`,
    };
  }
  if (valueFilePath(v, dir, refs) !== undefined) return undefined;
  const ref = /^\$([^/]+)\//.exec(v)?.[1];
  if (ref !== undefined && refs.has(ref)) {
    return {
      severity: "notice",
      message: `values file "${v}" is in another repository; this source is not rendered`,
    };
  }
  if (ref !== undefined) {
    return {
      severity: "error",
      message: `values file "${v}" names ref "${ref}", which no source of this Application has`,
    };
  }
  return {
    severity: "error",
    message: `values file "${v}" leaves the repository; refused before rendering`,
  };
}
