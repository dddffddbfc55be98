#!/usr/bin/env node
import { processIO } from "./CliIO.js";
import { exitOnCrash } from "./exitOnCrash.js";
import { runCli } from "./runCli.js";

const io = processIO();
exitOnCrash(io, (code) => process.exit(code));
process.exitCode = await runCli(process.argv.slice(2), io);
