import { posix } from "node:path";
import type { Finding } from "../../findings/finding.js";
import { scrubSecretShapes } from "../../secrets/scrubSecretShapes.js";
import type { Tree } from "../../workspace/Tree.js";
import type { AnalyzeContext } from "./analyzeFile.js";
import {
  isKustomization,
  secretGeneratorEnvFiles,
  secretGeneratorFiles,
} from "./decoders/kustomizeDecoder.js";
import {
  parseSopsConfig,
  sopsRuleFor,
  type SopsRule,
} from "./decoders/sopsConfig.js";
import { yamlLeaves } from "./yamlLeaves.js";

/** Repository-wide facts for the decoders, and problems reading them. */
export interface RepoContext {
  analyze: AnalyzeContext;
  problems: Finding[];
}

/**
 * Reads what the decoders need from the trees: the env files of every
 * `secretGenerator` (head) and the `.sops.yaml` files, taken from the base
 * when there is one, so a PR cannot loosen its own encryption rules.
 */
export async function repoContext(
  head: Tree,
  base?: Tree,
): Promise<RepoContext> {
  const problems: Finding[] = [];
  const headFiles = await head.files();
  const envFiles = new Set<string>();
  const secretFiles = new Map<string, string>();
  for (const path of headFiles.filter(isKustomization)) {
    // An unreadable kustomization is the renderer's finding, not ours.
    const bytes = await head.readFile(path).catch(() => Buffer.alloc(0));
    const text = bytes.toString("utf8");
    for (const doc of yamlLeaves(text)) {
      for (const f of secretGeneratorEnvFiles(path, doc)) envFiles.add(f);
      for (const [f, key] of secretGeneratorFiles(path, doc)) {
        secretFiles.set(f, key);
      }
    }
  }
  const trusted = base ?? head;
  const sopsFiles = (base ? await base.files() : headFiles).filter(
    isSopsConfig,
  );
  const configs = new Map<string, SopsRule[]>();
  for (const path of sopsFiles) {
    const rules = await loadSopsConfig(trusted, path, problems);
    configs.set(posix.dirname(path), rules);
  }
  const sopsRule = (path: string) => ruleFor(configs, path);
  const analyze = { envFiles, secretFiles, sopsRuleFor: sopsRule };
  return { analyze, problems };
}

function isSopsConfig(path: string): boolean {
  return /(?:^|\/)\.sops\.ya?ml$/.test(path);
}

async function loadSopsConfig(
  tree: Tree,
  path: string,
  problems: Finding[],
): Promise<SopsRule[]> {
  try {
    return parseSopsConfig((await tree.readFile(path)).toString("utf8"));
  } catch (cause) {
    // The first line only: YAML errors quote the file's lines after it.
    const text = cause instanceof Error ? cause.message : String(cause);
    const reason = scrubSecretShapes(text.split("\n")[0] ?? "");
    problems.push({
      check: "secrets",
      ruleId: "gg:sops-config",
      severity: "warning",
      message: `${path} could not be read (${reason}); its encryption rules were not checked`,
      location: { path, line: 1 },
    });
    return [];
  }
}

/** The nearest `.sops.yaml` up the tree decides, like the sops CLI. */
function ruleFor(
  configs: ReadonlyMap<string, SopsRule[]>,
  path: string,
): SopsRule | undefined {
  for (let dir = posix.dirname(path); ; dir = posix.dirname(dir)) {
    const rules = configs.get(dir);
    if (rules) {
      const rel = dir === "." ? path : path.slice(dir.length + 1);
      return sopsRuleFor(rules, rel, path);
    }
    if (dir === "." || dir === "/" || dir === "") return undefined;
  }
}
