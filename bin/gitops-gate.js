#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm run build).
import "../dist/cli/main.js";
