#!/usr/bin/env node
import { processIO } from "./CliIO.js";
import { runCli } from "./runCli.js";

process.exitCode = await runCli(process.argv.slice(2), processIO());
