/**
 * Runs OPA's conformance cases against src/rego.
 * Usage: npm run conformance -- [DIR] [--verbose] [--filter TEXT]
 * Last line: `conformance: N passed, N failed, N skipped`. Exits 1 when an
 * unlisted case fails or a listed skip passes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parse } from "yaml";
import { runCase, type Case } from "../src/rego/conformance/runCase.js";

const DEFAULT_DIR = resolve(
  import.meta.dirname,
  "../../shared/conformance/opa-cases/v1",
);
const SKIPS = resolve(
  import.meta.dirname,
  "../src/rego/conformance-skips.yaml",
);

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

interface Listed {
  skips: Map<string, string>;
  known: Map<string, string>;
}

function loadSkips(): Listed {
  type Entry = { note: string; reason: string };
  const doc = parse(readFileSync(SKIPS, "utf8")) as {
    skips?: Entry[];
    known_failures?: Entry[];
  } | null;
  const map = (xs: Entry[] = []) => new Map(xs.map((s) => [s.note, s.reason]));
  return { skips: map(doc?.skips), known: map(doc?.known_failures) };
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose") || args.includes("-v");
  const fi = args.indexOf("--filter");
  const filter = fi >= 0 ? args[fi + 1] : undefined;
  const dirArg = args.find(
    (a, i) => !a.startsWith("-") && args[i - 1] !== "--filter",
  );
  const root = resolve(dirArg ?? DEFAULT_DIR);
  if (!existsSync(root)) {
    console.error(
      `conformance: ${root} does not exist. The cases are OPA's, kept in ` +
        "shared/conformance/opa-cases/v1 beside this checkout; pass their " +
        "directory (or one case file) as the first argument.",
    );
    process.exit(2);
  }
  const base =
    statSync(root).isDirectory() && dirArg ? resolve(root, "..") : root;
  const { skips, known } = loadSkips();
  const perDir = new Map<string, [number, number, number]>();
  const knownFailing = new Set<string>();
  const knownSeen = new Set<string>();
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let bad = 0;
  for (const file of walk(root)) {
    const dir = relative(base, file).split(/[\\/]/)[0]!;
    const doc = parse(readFileSync(file, "utf8"), { intAsBigInt: true }) as {
      cases: Case[];
    };
    const counts = perDir.get(dir) ?? [0, 0, 0];
    perDir.set(dir, counts);
    for (const c of doc.cases ?? []) {
      if (filter && !c.note.includes(filter)) continue;
      const err = runCase(c);
      if (skips.has(c.note)) {
        counts[2]++;
        skipped++;
        if (err === undefined) {
          bad++;
          console.log(`SKIP NOW PASSES (remove from skip list): ${c.note}`);
        }
        continue;
      }
      if (err === undefined) {
        counts[0]++;
        passed++;
        continue;
      }
      counts[1]++;
      failed++;
      if (known.has(c.note)) knownFailing.add(c.note);
      else bad++;
      if (verbose || !known.has(c.note))
        console.log(`FAIL ${c.note} (${relative(base, file)}): ${err}`);
    }
    for (const c of doc.cases ?? [])
      if (known.has(c.note)) knownSeen.add(c.note);
  }
  for (const note of knownSeen) {
    if (knownFailing.has(note)) continue;
    bad++;
    console.log(`KNOWN FAILURE NOW PASSES (remove it from the list): ${note}`);
  }
  for (const [dir, [p, f, s]] of perDir)
    console.log(`${dir}: ${p} passed, ${f} failed, ${s} skipped`);
  console.log(
    `conformance: ${passed} passed, ${failed} failed, ${skipped} skipped`,
  );
  if (bad) process.exitCode = 1;
}

main();
