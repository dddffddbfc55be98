import type { Finding } from "../../findings/finding.js";
import { parseYaml, type YamlDocument } from "../../manifests/parseYaml.js";
import type { Tree } from "../../workspace/Tree.js";
import type { RegoModuleSource } from "./engine.js";
import { policyFinding } from "./policyFinding.js";

/** A JSON or YAML data document and the `data` path it is loaded under. */
export interface DataFile {
  path: string;
  /**
   * Where under `data` the document goes. Always the root for files of a
   * policy path: conftest hands its loader each data file on its own, so
   * `policy/x/limits.yaml` is `data.limits`, not `data.x.limits`.
   */
  prefix: string[];
  value: unknown;
}

/** A Gatekeeper ConstraintTemplate or constraint found in a policy path. */
export interface GatekeeperDocument {
  path: string;
  doc: YamlDocument;
}

/** Everything a set of policy roots holds. */
export interface PolicyFiles {
  modules: RegoModuleSource[];
  data: DataFile[];
  gatekeeper: GatekeeperDocument[];
  problems: Finding[];
}

/** How to read one source of policies (the repo's base tree, the org's). */
export interface PolicySource {
  tree: Pick<Tree, "files" | "readFile">;
  roots: string[];
  /** How a file of this tree is named in findings. */
  display(path: string): string;
  /** Roots that may be missing without a warning (the default `policy/`). */
  optional: ReadonlySet<string>;
}

/**
 * Reads the Rego modules, data files and Gatekeeper objects under the
 * roots of a policy source. Missing or empty roots become findings with a
 * clear message; unparsable YAML becomes the parser's findings.
 */
export async function loadPolicyFiles(src: PolicySource): Promise<PolicyFiles> {
  const out: PolicyFiles = {
    modules: [],
    data: [],
    gatekeeper: [],
    problems: [],
  };
  const all = await src.tree.files();
  for (const root of src.roots) {
    const files = all.filter((f) => underRoot(f, root));
    if (files.length === 0) {
      if (!src.optional.has(root)) out.problems.push(missingRoot(src, root));
      continue;
    }
    const before = out.modules.length + out.gatekeeper.length;
    for (const f of files) await loadFile(src, f, out);
    if (out.modules.length + out.gatekeeper.length === before) {
      out.problems.push(emptyRoot(src, root));
    }
  }
  return out;
}

/** True when a repo path is the root file or lies under the root dir. */
export function underRoot(path: string, root: string): boolean {
  const dir = root.replace(/^\.\//, "").replace(/\/+$/, "");
  if (dir === "" || dir === ".") return true;
  return path === dir || path.startsWith(`${dir}/`);
}

async function loadFile(
  src: PolicySource,
  file: string,
  out: PolicyFiles,
): Promise<void> {
  const ext = /\.(rego|json|ya?ml)$/i.exec(file)?.[1]?.toLowerCase();
  if (!ext) return;
  const shown = src.display(file);
  const content = await src.tree.readFile(file);
  if (ext === "rego") {
    out.modules.push({ path: shown, source: content.toString("utf8") });
  } else if (ext === "json") {
    loadJson(shown, [], content, out);
  } else {
    loadYaml(shown, [], content, out);
  }
}

function loadJson(
  path: string,
  prefix: string[],
  content: Buffer,
  out: PolicyFiles,
): void {
  try {
    out.data.push({ path, prefix, value: JSON.parse(content.toString()) });
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    out.problems.push(
      policyFinding(
        "policy/data-load-failed",
        "error",
        `policy data file is not valid JSON: ${why}`,
        { path, line: 1 },
      ),
    );
  }
}

function loadYaml(
  path: string,
  prefix: string[],
  content: Buffer,
  out: PolicyFiles,
): void {
  const parsed = parseYaml(path, content);
  out.problems.push(
    ...parsed.problems.map((p) => ({ ...p, check: "policy" as const })),
  );
  const docs = parsed.documents.filter((d) => d.value !== null);
  const gk = docs.filter((d) => isGatekeeper(d.value));
  out.gatekeeper.push(...gk.map((doc) => ({ path, doc })));
  // Kubernetes objects next to policies (gator suites, samples) are not
  // data; a single plain document is, like OPA's and conftest's loaders.
  const plain = docs.filter((d) => !isKubernetesObject(d.value));
  if (plain.length === 1 && docs.length === 1) {
    out.data.push({ path, prefix, value: plain[0]!.value });
  }
}

function isGatekeeper(v: unknown): boolean {
  if (!isKubernetesObject(v)) return false;
  const api = String(v["apiVersion"]);
  return (
    (api.startsWith("templates.gatekeeper.sh/") &&
      v["kind"] === "ConstraintTemplate") ||
    api.startsWith("constraints.gatekeeper.sh/") ||
    (api.startsWith("expansion.gatekeeper.sh/") &&
      v["kind"] === "ExpansionTemplate")
  );
}

function isKubernetesObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return typeof o["apiVersion"] === "string" && typeof o["kind"] === "string";
}

function missingRoot(src: PolicySource, root: string): Finding {
  return policyFinding(
    "policy/missing-path",
    "warning",
    `policy path ${src.display(root)} does not exist in the base revision; ` +
      "no policies were loaded from it",
    { path: src.display(root) },
  );
}

function emptyRoot(src: PolicySource, root: string): Finding {
  return policyFinding(
    "policy/empty-path",
    "warning",
    `policy path ${src.display(root)} has no .rego files and no Gatekeeper ` +
      "templates or constraints",
    { path: src.display(root) },
  );
}
