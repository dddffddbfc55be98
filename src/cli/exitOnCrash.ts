import type { CliIO } from "./CliIO.js";

/**
 * Makes an error that escapes every await (a library's stray timer or
 * promise) end the CLI with exit code 2 and a one-line message, not a stack
 * trace and not exit code 1, which means "blocking findings".
 */
export function exitOnCrash(io: CliIO, exit: (code: number) => never): void {
  const crash = (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`gitops-gate: internal error: ${message}\n`);
    if (io.env["GITOPS_GATE_DEBUG"] && err instanceof Error) {
      io.stderr(`${err.stack ?? ""}\n`);
    }
    exit(2);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
}
