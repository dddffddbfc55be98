import type { Command } from "commander";
import { regoEval } from "./regoEval.js";
import { regoTest } from "./regoTest.js";

/** Where rego commands print and report their exit code. */
export interface RegoCliIO {
  stdout: (text: string) => void;
  setExit: (code: number) => void;
}

const defaultIO: RegoCliIO = {
  stdout: (t) => process.stdout.write(t),
  setExit: (c) => (process.exitCode = c),
};

const collect = (v: string, prev: string[]): string[] => [...prev, v];

/** Adds `rego eval` and `rego test` to the program. */
export function registerRegoCommands(
  program: Command,
  io: RegoCliIO = defaultIO,
): void {
  const rego = program
    .command("rego")
    .description("Evaluate and test Rego policies (OPA-compatible)");
  rego
    .command("eval")
    .description("Evaluate a Rego query (output as `opa eval --format json`)")
    .argument("<query>", "Rego query, e.g. data.main.deny")
    .option(
      "-d, --data <path>",
      "policy or data file / directory (repeatable)",
      collect,
      [],
    )
    .option("-i, --input <file>", "input document (JSON or YAML)")
    .option("-f, --format <format>", "json or pretty", "json")
    .option(
      "--v0-compatible",
      "parse modules as Rego v0 unless they import rego.v1",
    )
    .option("--v1-compatible", "parse modules as Rego v1 (the default)")
    .option("--strict-builtin-errors", "treat builtin errors as fatal")
    .option("--fail", "exit 1 when the query is undefined")
    .option("--fail-defined", "exit 1 when the query is defined")
    .action(
      (
        query: string,
        o: {
          data: string[];
          input?: string;
          format: string;
          v0Compatible?: boolean;
          strictBuiltinErrors?: boolean;
          fail?: boolean;
          failDefined?: boolean;
        },
      ) => {
        const format = o.format === "pretty" ? "pretty" : "json";
        const r = regoEval(query, { ...o, format });
        io.stdout(r.out + "\n");
        io.setExit(r.code);
      },
    );
  rego
    .command("test")
    .description("Run test_* rules like `opa test`")
    .argument("[paths...]", "policy / data files or directories")
    .option("-v, --verbose", "print every test")
    .option("-r, --run <regex>", "only run tests whose name matches")
    .option(
      "--v0-compatible",
      "parse modules as Rego v0 unless they import rego.v1",
    )
    .option("--v1-compatible", "parse modules as Rego v1 (the default)")
    .action(
      (
        paths: string[],
        o: { verbose?: boolean; run?: string; v0Compatible?: boolean },
      ) => {
        const r = regoTest(paths, o);
        io.stdout(r.out + "\n");
        io.setExit(r.code);
      },
    );
}
