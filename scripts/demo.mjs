// `npm run demo`: runs the gate on the example pull request, as a PR check
// would: base = examples/acme, head = the commits in examples/prs/acme.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { materializeExample } from "./materialize-example.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { dir, base, head } = materializeExample("acme");
const format = process.argv[2] ?? "text";
console.error(`demo: temporary example repo in ${dir} (removed afterwards)`);
// demo: lines go to stderr, so `npm run -s demo -- json | jq` works.
console.error(
  `demo: gitops-gate check . --base ${base.slice(0, 12)} --head HEAD --format ${format}\n`,
);
const run = spawnSync(
  process.execPath,
  [
    join(root, "bin", "gitops-gate.js"),
    "check",
    ".",
    "--base",
    base,
    "--head",
    head,
    "--format",
    format,
  ],
  { cwd: dir, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" },
);
rmSync(dir, { recursive: true, force: true });
process.stdout.write(run.stdout);
// Exit code 1 alone could also be a crash: require the gate's own verdict.
// Each format states the verdict its own way (SARIF: error-level results).
const verdict =
  {
    text: /^FAILURE: /m,
    sarif: /"level": ?"error"/,
  }[format] ?? /failure/;
if (run.status === 1 && verdict.test(run.stdout)) {
  console.error(
    "\ndemo: the gate blocked this pull request (exit 1), as it should.",
  );
  console.error(
    "demo: try `--format markdown` (npm run demo -- markdown), json or sarif.",
  );
} else {
  console.error(
    `\ndemo: the gate did not end with its verdict (exit code ${run.status}); ` +
      "expected exit 1 with blocking findings",
  );
  process.exit(run.status === 0 ? 1 : (run.status ?? 2));
}
