import { Command } from "commander";
import { registerCheckCommand } from "./check/registerCheckCommand.js";
import type { CliIO } from "./CliIO.js";
import { packageVersion } from "./packageVersion.js";
import { registerRegoCommands } from "./rego/registerRegoCommands.js";

/**
 * The `gitops-gate` program with every subcommand. Commander's own exits
 * are turned into exceptions so `runCli` owns the exit code.
 */
export function buildProgram(
  io: CliIO,
  setExit: (code: number) => void,
): Command {
  const program = new Command("gitops-gate")
    .description("Gate pull requests on GitOps repositories")
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run with --help for usage)");
  registerCheckCommand(program, io, setExit);
  registerRegoCommands(program, { stdout: io.stdout, setExit });
  return program;
}
