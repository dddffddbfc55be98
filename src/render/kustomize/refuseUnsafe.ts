import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Finding } from "../../findings/finding.js";
import { parseYaml } from "../../manifests/parseYaml.js";
import { isObject } from "../../manifests/toResources.js";
import type { RenderTarget } from "../RenderTarget.js";
import { renderFinding } from "../renderFindings.js";
import type { KustomizationNode, KustomizeRef } from "./KustomizationNode.js";
import { PLUGIN_FIELDS } from "./parseKustomization.js";
import { remoteHost } from "./repoPath.js";

/** What the checks need to know besides the kustomizations. */
export interface UnsafeContext {
  target: RenderTarget;
  /** Sandbox copy of the repo, to read plugin configs from. */
  root: string;
  enableHelm: boolean;
  remoteAllow: readonly string[];
}

const FUNCTION_ANNOTATIONS = [
  "config.kubernetes.io/function",
  "config.k8s.io/function",
];

/**
 * Refuses, before kustomize runs, what the sandbox does not allow: paths
 * that leave the repository, remote bases and charts (a notice: not
 * fetched), `helmCharts` when Helm is off, and exec or container KRM
 * functions. Each finding points at the kustomization line.
 */
export async function refuseUnsafe(
  nodes: readonly KustomizationNode[],
  ctx: UnsafeContext,
): Promise<Finding[]> {
  const out: Finding[] = [];
  const byDir = new Map(nodes.map((n) => [n.dir, n]));
  for (const node of nodes) {
    out.push(...inlineFunctions(node, ctx));
    for (const ref of node.refs) {
      out.push(...(await refuseRef(node, ref, { ...ctx, byDir })));
    }
    for (const chart of node.helmCharts) {
      out.push(...refuseChart(node, chart, ctx));
    }
  }
  return out;
}

async function refuseRef(
  node: KustomizationNode,
  ref: KustomizeRef,
  ctx: UnsafeContext & { byDir: ReadonlyMap<string, KustomizationNode> },
): Promise<Finding[]> {
  const at = (ruleId: string, message: string, severity: Finding["severity"]) =>
    renderFinding(ctx.target, ruleId, message, severity, node.file, ref.line);
  if (ref.remote) {
    return [at("render/remote", remoteMessage(ref.value, ctx), "notice")];
  }
  if (ref.path === undefined) {
    return [
      at(
        "render/path-escapes",
        `${ref.field} entry "${ref.value}" leaves the repository; ` +
          "refused before rendering",
        "error",
      ),
    ];
  }
  const bomb = await hostileYaml(ctx.root, ref.path);
  if (bomb) {
    return [
      renderFinding(
        ctx.target,
        bomb.ruleId,
        `${bomb.message}; refused before rendering (kustomize has no limit ` +
          `of its own), listed in ${node.file}:${ref.line}`,
        "error",
        ref.path,
        bomb.location.line,
      ),
    ];
  }
  if (
    PLUGIN_FIELDS.includes(ref.field) &&
    (await anyFunction(ctx.root, pluginFiles(ref.path, ctx.byDir)))
  ) {
    return [
      at(
        "render/krm-function",
        `${ref.field} entry "${ref.value}" is an exec or container KRM ` +
          "function; functions and plugins never run in the gate",
        "error",
      ),
    ];
  }
  return [];
}

/** Problems kustomize itself cannot survive: alias bombs, huge files. */
const HOSTILE_RULES = new Set(["yaml/alias", "yaml/too-large", "yaml/binary"]);

/**
 * Parses a referenced YAML file with our own limits first, so an alias
 * bomb is named as such instead of exhausting kustomize's memory.
 */
async function hostileYaml(root: string, path: string) {
  if (!/\.(ya?ml|json)$/i.test(path)) return undefined;
  const content = await readFile(join(root, path)).catch(() => undefined);
  if (content === undefined) return undefined;
  const { problems } = parseYaml(path, content);
  return problems.find((p) => HOSTILE_RULES.has(p.ruleId));
}

function refuseChart(
  node: KustomizationNode,
  chart: KustomizationNode["helmCharts"][number],
  ctx: UnsafeContext,
): Finding[] {
  const at = (ruleId: string, message: string, severity: Finding["severity"]) =>
    renderFinding(ctx.target, ruleId, message, severity, node.file, chart.line);
  if (!ctx.enableHelm) {
    return [
      at(
        "render/helm-disabled",
        `helmCharts entry "${chart.name}" needs Helm inside kustomize, ` +
          "which render.kustomize.enableHelm does not allow",
        "error",
      ),
    ];
  }
  if (chart.repo !== undefined) {
    return [at("render/remote", remoteMessage(chart.repo, ctx), "notice")];
  }
  return [];
}

/** Notice text for a remote source that is not rendered. */
export function remoteMessage(
  ref: string,
  ctx: Pick<UnsafeContext, "remoteAllow">,
): string {
  const host = remoteHost(ref);
  const allowed = ctx.remoteAllow.includes(host);
  // Charts of Flux and Argo CD objects are fetched (src/render/remote);
  // TODO(#3): fetch kustomize remote bases and `helmCharts` with `repo:`
  // from allowed hosts too, with the same limits.
  const why = allowed
    ? "kustomize does not fetch remote bases or helmCharts in the gate yet"
    : `host ${host} is not in render.remote.allow`;
  return `remote source "${ref}" was not fetched (${why}); this target is not rendered`;
}

/**
 * The files a plugin entry loads configs from: the file itself, or for a
 * directory with a kustomization every file that kustomization (and the
 * ones it uses) lists.
 */
function pluginFiles(
  path: string,
  byDir: ReadonlyMap<string, KustomizationNode>,
): string[] {
  const seen = new Set<string>();
  const out: string[] = [path];
  const visit = (dir: string) => {
    const node = byDir.get(dir);
    if (!node || seen.has(dir)) return;
    seen.add(dir);
    for (const r of node.refs) {
      if (r.path === undefined) continue;
      out.push(r.path);
      visit(r.path);
    }
  };
  visit(path);
  return out;
}

async function anyFunction(root: string, paths: string[]): Promise<boolean> {
  for (const p of paths) if (await isFunction(root, p)) return true;
  return false;
}

function inlineFunctions(
  node: KustomizationNode,
  ctx: UnsafeContext,
): Finding[] {
  return node.inlinePlugins
    .filter((p) => hasFunctionAnnotation(parseYaml(node.file, p.text)))
    .map((p) =>
      renderFinding(
        ctx.target,
        "render/krm-function",
        `an inline ${p.field} entry is an exec or container KRM function; ` +
          "functions and plugins never run in the gate",
        "error",
        node.file,
        p.line,
      ),
    );
}

async function isFunction(root: string, path: string): Promise<boolean> {
  let content: Buffer;
  try {
    content = await readFile(join(root, path));
  } catch (cause) {
    // A directory (a kustomization of plugin configs) or a missing file:
    // kustomize itself refuses or reports it.
    if ((cause as NodeJS.ErrnoException).code) return false;
    throw cause;
  }
  return hasFunctionAnnotation(parseYaml(path, content));
}

function hasFunctionAnnotation(parsed: ReturnType<typeof parseYaml>): boolean {
  return parsed.documents.some((d) => {
    const meta = isObject(d.value) ? d.value["metadata"] : undefined;
    const ann = isObject(meta) ? meta["annotations"] : undefined;
    return isObject(ann) && FUNCTION_ANNOTATIONS.some((a) => a in ann);
  });
}
