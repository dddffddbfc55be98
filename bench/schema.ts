import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { schemaCheck } from "../src/checks/schema/schemaCheck.js";
import { schemaInput, type Files } from "../src/checks/schema/testInput.js";

const fixture = (name: string): string =>
  readFileSync(
    new URL(`../src/checks/schema/testdata/${name}`, import.meta.url),
    "utf8",
  );

const KINDS = [
  "deployment.yaml",
  "service.yaml",
  "helmrelease.yaml",
  "application.yaml",
  "sealedsecret.yaml",
];

/** `count` files mixing core kinds, Flux, Argo CD, Sealed Secrets and a
 * custom resource of a repository CRD; every 50th has a typo. */
export function mixedFiles(count: number): Files {
  const texts = KINDS.map(fixture);
  const files: Files = {};
  for (let i = 0; i < count; i++) {
    let text = texts[i % texts.length] ?? "";
    text = text.replace(/name: ([a-z-]+)\n/, `name: $1-${i}\n`);
    if (i % 50 === 0) text = text.replace("spec:", "spec:\n  replicaz: 1");
    files[`apps/r${i}.yaml`] = text;
  }
  files["apps/widgets.yaml"] = Array.from(
    { length: 200 },
    (_, i) =>
      `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w${i}\n` +
      `spec:\n  size: ${i + 1}\n  port: http\n  config: {a: 1}\n`,
  ).join("---\n");
  return files;
}

/**
 * Resources per second of the schema check over a few thousand mixed
 * resources (goal: at least 5,000/s once validators are compiled).
 */
export async function benchSchema(): Promise<void> {
  const input = schemaInput(mixedFiles(3000), {
    repoOnly: { "crds/widget.yaml": fixture("crd-widget.yaml") },
  });
  const resources = input.targets.reduce((n, t) => n + t.resources.length, 0);
  for (const label of ["cold (compiles validators)", "warm"]) {
    const start = performance.now();
    const findings = await schemaCheck.run(input);
    const ms = performance.now() - start;
    const rate = Math.round((resources / ms) * 1000);
    console.log(
      `schema ${label}: ${resources} resources in ${ms.toFixed(0)} ms = ` +
        `${rate} resources/s (${findings.length} findings; goal >= 5000/s)`,
    );
  }
}
