import { parseYaml, type YamlDocument } from "../../manifests/parseYaml.js";
import { isObject } from "../../manifests/toResources.js";
import type { FieldPath } from "../../manifests/Resource.js";
import type { KustomizationNode, KustomizeRef } from "./KustomizationNode.js";
import { dirOf, isRemoteRef, repoPath } from "./repoPath.js";

/** Fields whose items are paths (or inline YAML for the last three). */
const LIST_FIELDS = [
  "resources",
  "bases",
  "components",
  "crds",
  "configurations",
  "transformers",
  "generators",
  "validators",
  "patchesStrategicMerge",
];

/** Fields whose entries are plugin configs: files, dirs or inline YAML. */
export const PLUGIN_FIELDS = ["transformers", "generators", "validators"];

/**
 * Reads the path references of a kustomization file: resources, bases,
 * components, patches, generator files, replacements, Helm chart values and
 * plugin configs. Inline patches are skipped; inline plugin configs are
 * kept in `inlinePlugins`, for the safety checks.
 */
export function parseKustomization(
  file: string,
  content: Buffer | string,
): KustomizationNode {
  const dir = dirOf(file);
  const node: KustomizationNode = {
    dir,
    file,
    component: false,
    refs: [],
    helmCharts: [],
    inlinePlugins: [],
  };
  const parsed = parseYaml(file, content);
  const doc = parsed.documents[0];
  if (parsed.problems.length > 0 || !doc || !isObject(doc.value)) {
    node.parseError = parsed.problems[0]?.message ?? "not a YAML map";
    return node;
  }
  const k = doc.value;
  node.component = k["kind"] === "Component";
  const add = (value: unknown, field: string, at: FieldPath) => {
    if (typeof value !== "string") return;
    if (value.includes("\n")) {
      if (!PLUGIN_FIELDS.includes(field)) return;
      const line = doc.locate(at).line ?? 1;
      node.inlinePlugins.push({ field, line, text: value });
      return;
    }
    node.refs.push(makeRef(dir, value.trim(), field, doc, at));
  };
  for (const field of LIST_FIELDS) {
    forEach(k[field], (v, i) => add(v, field, [field, i]));
  }
  collectObjects(k, add);
  collectGenerators(k, add);
  collectHelm(k, doc, node, add);
  return node;
}

type Add = (value: unknown, field: string, at: FieldPath) => void;

function collectObjects(k: Record<string, unknown>, add: Add): void {
  for (const field of ["patches", "patchesJson6902", "replacements"]) {
    forEach(k[field], (p, i) => {
      if (isObject(p)) add(p["path"], field, [field, i, "path"]);
    });
  }
  const openapi = k["openapi"];
  if (isObject(openapi)) add(openapi["path"], "openapi", ["openapi", "path"]);
}

function collectGenerators(k: Record<string, unknown>, add: Add): void {
  for (const field of ["configMapGenerator", "secretGenerator"]) {
    forEach(k[field], (g, i) => {
      if (!isObject(g)) return;
      forEach(g["files"], (f, j) => {
        const path = typeof f === "string" ? f.replace(/^[^=]*=/, "") : f;
        add(path, field, [field, i, "files", j]);
      });
      forEach(g["envs"], (f, j) => add(f, field, [field, i, "envs", j]));
      add(g["env"], field, [field, i, "env"]);
    });
  }
}

function collectHelm(
  k: Record<string, unknown>,
  doc: YamlDocument,
  node: KustomizationNode,
  add: Add,
): void {
  const globals = isObject(k["helmGlobals"]) ? k["helmGlobals"] : {};
  const home =
    typeof globals["chartHome"] === "string" ? globals["chartHome"] : "charts";
  forEach(k["helmCharts"], (c, i) => {
    if (!isObject(c)) return;
    const name = String(c["name"] ?? "");
    const line = doc.locate(["helmCharts", i]).line ?? 1;
    const chart: KustomizationNode["helmCharts"][number] = { name, line };
    if (typeof c["repo"] === "string" && c["repo"] !== "") {
      chart.repo = c["repo"];
    } else if (name !== "") {
      add(`${home}/${name}`, "helmCharts", ["helmCharts", i, "name"]);
    }
    node.helmCharts.push(chart);
    add(c["valuesFile"], "helmCharts", ["helmCharts", i, "valuesFile"]);
    forEach(c["additionalValuesFiles"], (f, j) =>
      add(f, "helmCharts", ["helmCharts", i, "additionalValuesFiles", j]),
    );
  });
}

function makeRef(
  dir: string,
  value: string,
  field: string,
  doc: YamlDocument,
  at: FieldPath,
): KustomizeRef {
  const line = doc.locate(at).line ?? 1;
  const remote = isRemoteRef(value);
  const ref: KustomizeRef = { value, field, line, remote };
  const path = remote ? undefined : repoPath(dir, value);
  if (path !== undefined) ref.path = path;
  return ref;
}

function forEach(v: unknown, fn: (item: unknown, i: number) => void): void {
  if (Array.isArray(v)) v.forEach(fn);
}
