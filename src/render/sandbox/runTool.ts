import { spawn } from "node:child_process";

/** Limits on one child process. */
export interface ToolLimits {
  timeoutMs: number;
  /** Cap on stdout plus stderr. */
  maxOutputBytes: number;
  /** Cap on the data segment (heap) via `prlimit`, when available. */
  maxMemoryBytes?: number;
  /** Cap on each file the tool writes via `prlimit`, when available. */
  maxFileBytes?: number;
  /** Absolute path of `prlimit`, when the host has it. */
  prlimit?: string;
}

/** How to run one child process. */
export interface ToolRun {
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  limits: ToolLimits;
  signal?: AbortSignal;
}

/** Why a run was stopped by us rather than ending on its own. */
export type ToolRefusal = "timeout" | "output" | "aborted" | "spawn";

/** What a child process gave. */
export interface ToolResult {
  /** Exit code (null when killed). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when we stopped the process or could not start it. */
  refusal?: ToolRefusal;
  /** The spawn error message when `refusal` is `spawn`. */
  spawnError?: string;
}

/**
 * Runs a binary in its own process group with no shell, no stdin, the given
 * (scrubbed) environment, a timeout and an output cap. On timeout, output
 * overflow or abort the whole process group is killed, so helpers a tool
 * started (git, plugins) die with it. Never throws.
 */
export function runTool(run: ToolRun): Promise<ToolResult> {
  const { command, args } = withMemoryCap(run);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: run.cwd,
      env: run.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let refusal: ToolRefusal | undefined;
    const stop = (why: ToolRefusal) => {
      refusal ??= why;
      killGroup(child.pid);
    };
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > run.limits.maxOutputBytes) return stop("output");
      into.push(chunk);
    };
    child.stdout.on("data", collect(out));
    child.stderr.on("data", collect(err));
    const timer = setTimeout(() => stop("timeout"), run.limits.timeoutMs);
    const onAbort = () => stop("aborted");
    run.signal?.addEventListener("abort", onAbort, { once: true });
    const finish = (result: ToolResult) => {
      clearTimeout(timer);
      run.signal?.removeEventListener("abort", onAbort);
      resolve(result);
    };
    child.on("error", (e) =>
      finish({
        code: null,
        stdout: "",
        stderr: "",
        refusal: "spawn",
        spawnError: (e as NodeJS.ErrnoException).code ?? e.message,
      }),
    );
    child.on("close", (code) => {
      const result: ToolResult = {
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      };
      if (refusal !== undefined) result.refusal = refusal;
      finish(result);
    });
  });
}

function withMemoryCap(run: ToolRun): { command: string; args: string[] } {
  const { maxMemoryBytes, maxFileBytes, prlimit } = run.limits;
  const caps: string[] = [];
  // RLIMIT_DATA caps a Go program's heap; RLIMIT_AS would break the Go
  // runtime, which reserves large address ranges up front.
  if (maxMemoryBytes !== undefined)
    caps.push(`--data=${Math.floor(maxMemoryBytes)}`);
  // RLIMIT_FSIZE makes a write past the cap fail, so a download stops there.
  if (maxFileBytes !== undefined)
    caps.push(`--fsize=${Math.floor(maxFileBytes)}`);
  if (caps.length === 0 || prlimit === undefined) {
    return { command: run.command, args: [...run.args] };
  }
  return { command: prlimit, args: [...caps, run.command, ...run.args] };
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch (cause) {
    // ESRCH: the group already exited between the check and the kill.
    if ((cause as NodeJS.ErrnoException).code !== "ESRCH") throw cause;
  }
}
