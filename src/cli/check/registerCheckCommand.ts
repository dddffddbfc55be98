import { Option, type Command } from "commander";
import { runGit } from "../../workspace/git.js";
import type { CliIO } from "../CliIO.js";
import { packageVersion } from "../packageVersion.js";
import { FAIL_ON, FORMATS, type CheckOptions } from "./CheckOptions.js";
import { runCheck } from "./runCheck.js";

/** Adds `gitops-gate check` to the program; `setExit` receives the code. */
export function registerCheckCommand(
  program: Command,
  io: CliIO,
  setExit: (code: number) => void,
): void {
  program
    .command("check")
    .description(
      "Run the gate on a GitOps repository: the whole directory, or what " +
        "changed between --base and --head (config is read from --base).",
    )
    .argument("[dir]", "repository directory", ".")
    .option("--base <ref>", "git revision the change is compared with")
    .option("--head <ref>", "git revision to check (default: working tree)")
    .option("--config <file>", "config file (default: from the base revision)")
    .addOption(
      new Option("--format <format>", "output format")
        .choices(FORMATS)
        .default("text"),
    )
    .addOption(
      new Option("--fail-on <severity>", "lowest blocking severity").choices(
        FAIL_ON,
      ),
    )
    .option("--output <file>", "write the report to a file")
    .option(
      "--org-policies <dir>",
      "local checkout of the org policy repository (checks.policy.org)",
    )
    .action(async (dir: string, flags: Omit<CheckOptions, "dir">) => {
      const code = await runCheck(
        { ...flags, dir },
        { io, git: runGit, version: packageVersion() },
      );
      setExit(code);
    });
}
