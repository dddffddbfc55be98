import { execFile } from "node:child_process";

/** Runs git and returns stdout; rejects with git's own message. */
export type GitRunner = (
  cwd: string,
  args: readonly string[],
) => Promise<string>;

/** Largest git output we accept (a huge history is refused, not buffered). */
const MAX_BUFFER = 256 * 1024 * 1024;

/**
 * The real git, with a clean environment (no pager, no prompts, C locale).
 */
export const runGit: GitRunner = (cwd, args) =>
  new Promise((resolvePromise, reject) => {
    execFile(
      "git",
      ["-c", "core.quotepath=off", ...args],
      {
        cwd,
        maxBuffer: MAX_BUFFER,
        env: {
          PATH: process.env["PATH"] ?? "/usr/bin:/bin",
          HOME: process.env["HOME"] ?? "/tmp",
          LC_ALL: "C",
          GIT_TERMINAL_PROMPT: "0",
          GIT_PAGER: "cat",
        },
      },
      (err, stdout, stderr) => {
        if (!err) return resolvePromise(stdout);
        const msg = stderr.trim().split("\n")[0] || err.message;
        reject(new Error(`git ${args[0]}: ${msg}`, { cause: err }));
      },
    );
  });
