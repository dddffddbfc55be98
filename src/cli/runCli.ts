import { CommanderError } from "commander";
import { ConfigError } from "../config/ConfigError.js";
import { buildProgram } from "./buildProgram.js";
import type { CliIO } from "./CliIO.js";
import { describeFsError } from "./describeFsError.js";
import { UsageError } from "./UsageError.js";

/** Exit codes of the CLI. */
export const EXIT = { pass: 0, blocking: 1, error: 2 } as const;

/**
 * Runs the CLI and returns its exit code. The top-level catch: usage and
 * config problems print one clear message (exit 2), never a stack unless
 * `GITOPS_GATE_DEBUG` is set.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let code: number = EXIT.pass;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (err) {
    return reportError(err, io);
  }
}

function reportError(err: unknown, io: CliIO): number {
  if (err instanceof CommanderError) {
    // Help and version exit 0; commander already printed the message.
    return err.exitCode === 0 ? EXIT.pass : EXIT.error;
  }
  if (err instanceof UsageError || err instanceof ConfigError) {
    io.stderr(`gitops-gate: ${err.message}\n`);
    return EXIT.error;
  }
  const fsProblem = describeFsError(err);
  if (fsProblem) {
    io.stderr(`gitops-gate: ${fsProblem}\n`);
    return EXIT.error;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`gitops-gate: internal error: ${message}\n`);
  if (io.env["GITOPS_GATE_DEBUG"] && err instanceof Error && err.stack) {
    io.stderr(`${err.stack}\n`);
  } else {
    io.stderr("(set GITOPS_GATE_DEBUG=1 for details)\n");
  }
  return EXIT.error;
}
