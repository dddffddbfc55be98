import type { KustomizationNode } from "./KustomizationNode.js";
import { parseKustomization } from "./parseKustomization.js";
import { mayBeLocal, repoPath } from "./repoPath.js";
import type { Tree } from "../../workspace/Tree.js";

/** The file names kustomize reads a kustomization from, in its order. */
export const KUSTOMIZATION_NAMES = [
  "kustomization.yaml",
  "kustomization.yml",
  "Kustomization",
] as const;

const KUSTOMIZATION = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

/**
 * Every kustomization of a tree and the files each one reads, directly or
 * through bases, components, patches and generators.
 */
export class KustomizeGraph {
  readonly nodes: ReadonlyMap<string, KustomizationNode>;
  private readonly files: ReadonlySet<string>;
  private readonly memo = new Map<string, string[]>();

  constructor(nodes: KustomizationNode[], files: readonly string[]) {
    this.nodes = new Map(nodes.map((n) => [n.dir, n]));
    this.files = new Set(files);
  }

  /** Kustomizations no other kustomization uses (the ones to build). */
  roots(): string[] {
    const used = new Set<string>();
    for (const node of this.nodes.values()) {
      for (const ref of node.refs)
        if (ref.path !== undefined) used.add(ref.path);
    }
    return [...this.nodes.values()]
      .filter((n) => !n.component && !used.has(n.dir))
      .map((n) => n.dir)
      .sort();
  }

  /** The kustomizations `dir` reaches, itself first. */
  closure(dir: string): KustomizationNode[] {
    const seen = new Set<string>();
    const out: KustomizationNode[] = [];
    const visit = (d: string) => {
      const node = this.nodes.get(d);
      if (!node || seen.has(d)) return;
      seen.add(d);
      out.push(node);
      for (const ref of node.refs) if (ref.path !== undefined) visit(ref.path);
    };
    visit(dir);
    return out;
  }

  /**
   * Every repo file whose change changes the build of `dir`: its
   * kustomization files and every file they name, transitively. A named
   * directory without a kustomization counts with all files below it.
   */
  inputs(dir: string): string[] {
    const cached = this.memo.get(dir);
    if (cached) return cached;
    const out = new Set<string>();
    for (const node of this.closure(dir)) {
      out.add(node.file);
      for (const ref of node.refs) {
        if (ref.path === undefined || this.nodes.has(ref.path)) continue;
        for (const f of this.filesAt(ref.path)) out.add(f);
      }
    }
    const list = [...out].sort();
    this.memo.set(dir, list);
    return list;
  }

  /** True when `path` is a file or a directory of the tree. */
  exists(path: string): boolean {
    return this.filesAt(path).some((f) => this.files.has(f));
  }

  private filesAt(path: string): string[] {
    if (this.files.has(path)) return [path];
    const prefix = path === "" ? "" : `${path}/`;
    const below = [...this.files].filter((f) => f.startsWith(prefix));
    return below.length > 0 ? below : [path];
  }
}

const cache = new WeakMap<readonly string[], Promise<KustomizeGraph>>();

/**
 * Builds (once per file list) the graph of every kustomization in `files`.
 *
 * @param read - reads a repo-relative file of the same tree
 */
export function kustomizeGraph(
  files: readonly string[],
  read: (path: string) => Promise<Buffer>,
): Promise<KustomizeGraph> {
  let graph = cache.get(files);
  if (!graph) {
    graph = loadGraph(files, read);
    cache.set(files, graph);
  }
  return graph;
}

const byTree = new WeakMap<Tree, Promise<KustomizeGraph>>();

/** The kustomize graph of a whole tree, built once per tree. */
export function graphOfTree(tree: Tree): Promise<KustomizeGraph> {
  let graph = byTree.get(tree);
  if (!graph) {
    graph = tree
      .files()
      .then((files) => loadGraph(files, (p) => tree.readFile(p)));
    byTree.set(tree, graph);
  }
  return graph;
}

async function loadGraph(
  files: readonly string[],
  read: (path: string) => Promise<Buffer>,
): Promise<KustomizeGraph> {
  const kfiles = files.filter((f) => KUSTOMIZATION.test(f));
  const nodes = await Promise.all(kfiles.map((f) => readNode(f, read)));
  const graph = new KustomizeGraph(nodes, files);
  for (const node of nodes) {
    for (const ref of node.refs) {
      // `my.dir/x` looks like a host-first URL but is a local directory.
      if (!ref.remote || !mayBeLocal(ref.value)) continue;
      const local = repoPath(node.dir, ref.value);
      if (local !== undefined && graph.exists(local)) {
        ref.remote = false;
        ref.path = local;
      }
    }
  }
  return graph;
}

async function readNode(
  file: string,
  read: (path: string) => Promise<Buffer>,
): Promise<KustomizationNode> {
  try {
    return parseKustomization(file, await read(file));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? "error";
    const node = parseKustomization(file, "{}");
    node.parseError = `cannot read file (${code})`;
    return node;
  }
}

/** True for a kustomization file name. */
export function isKustomizationFile(path: string): boolean {
  return KUSTOMIZATION.test(path);
}
