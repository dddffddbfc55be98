import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Config } from "../../config/schema.js";
import { copyCheckout, type CopyRefusal } from "./copyCheckout.js";
import { runTool, type ToolResult } from "./runTool.js";
import { sanitizeMessage } from "./sanitizeMessage.js";
import { scrubbedEnv } from "./scrubbedEnv.js";
import { findTools, type ToolCommand, type ToolSet } from "./findTools.js";

/** Limits from config. */
export type RenderLimits = Config["render"]["limits"];

/**
 * A private temp copy of one checkout plus a fresh HOME and TMPDIR, where
 * every tool of a render runs. Create with {@link createSandbox}; call
 * `dispose` when all renders of that checkout are done.
 */
export interface Sandbox {
  /** Absolute path of the copy of the checkout. */
  root: string;
  /** Files refused while copying (escaping symlinks, devices). */
  refusals: CopyRefusal[];
  tools: ToolSet;
  /** Runs a tool in the sandbox; `cwd` is relative to `root`. */
  run(
    tool: ToolCommand,
    args: readonly string[],
    cwd: string,
    signal?: AbortSignal,
  ): Promise<ToolResult>;
  /** Tool output made safe to show (no temp paths). */
  sanitize(text: string): string;
  /** A new empty directory inside `root` for generated files. */
  scratchDir(name: string): Promise<string>;
  /** Writes an executable file in the private HOME; returns its path. */
  homeExecutable(name: string, content: string): Promise<string>;
  dispose(): Promise<void>;
}

/**
 * Copies `checkoutDir` into a new private temp directory and returns the
 * sandbox around it.
 */
export async function createSandbox(
  checkoutDir: string,
  limits: RenderLimits,
  tools: ToolSet = findTools(),
): Promise<Sandbox> {
  const base = await realpath(await mkdtemp(join(tmpdir(), "gg-render-")));
  const root = join(base, "repo");
  const home = join(base, "home");
  const tmp = join(base, "tmp");
  await Promise.all([mkdir(home), mkdir(tmp)]);
  let refusals: CopyRefusal[];
  try {
    refusals = await copyCheckout(checkoutDir, root);
  } catch (cause) {
    await rm(base, { recursive: true, force: true });
    throw new Error(`sandbox: cannot copy checkout ${checkoutDir}`, { cause });
  }
  const env = scrubbedEnv(home, tmp);
  const toolDirs = [tools.kustomize, tools.helm]
    .filter((t) => t !== undefined)
    .map((t) => dirname(t.command));
  const privatePaths = [root, home, tmp, base, checkoutDir, ...toolDirs];
  let scratch = 0;
  return {
    root,
    refusals,
    tools,
    run: (tool, args, cwd, signal) =>
      runTool({
        command: tool.command,
        args: [...tool.args, ...args],
        cwd: join(root, cwd),
        env,
        limits: toolLimits(limits, tools.prlimit),
        ...(signal ? { signal } : {}),
      }),
    sanitize: (text) => sanitizeMessage(text, privatePaths),
    scratchDir: async (name) => {
      const dir = join(root, `.gitops-gate-${name}-${++scratch}`);
      await mkdir(dir);
      return dir;
    },
    homeExecutable: async (name, content) => {
      const file = join(home, "bin", name);
      await mkdir(join(home, "bin"), { recursive: true });
      await writeFile(file, content, { mode: 0o755 });
      return file;
    },
    dispose: () => rm(base, { recursive: true, force: true }),
  };
}

function toolLimits(limits: RenderLimits, prlimit: string | undefined) {
  const mb = 1024 * 1024;
  return {
    timeoutMs: limits.timeoutSeconds * 1000,
    maxOutputBytes: limits.maxOutputMB * mb,
    maxMemoryBytes: limits.maxMemoryMB * mb,
    ...(prlimit ? { prlimit } : {}),
  };
}
