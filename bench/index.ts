// `npm run bench`: prints figures for every part of the gate. Never fails on
// time; targets are stated next to each figure.
import { existsSync } from "node:fs";
import { benchYaml } from "./yaml.js";

/** Benches contributed by each part: file → exported function name. */
const PARTS: [string, string][] = [
  ["./render.ts", "benchRender"],
  ["./rego.ts", "benchRego"],
  ["./policy.ts", "benchPolicy"],
  ["./secrets.ts", "benchSecrets"],
  ["./schema.ts", "benchSchema"],
  ["./images.ts", "benchImages"],
];

async function main(): Promise<void> {
  await benchYaml();
  for (const [file, name] of PARTS) {
    if (!existsSync(new URL(file, import.meta.url))) continue;
    const mod = (await import(file)) as Record<string, () => Promise<void>>;
    const run = mod[name];
    if (!run) throw new Error(`bench ${file} does not export ${name}`);
    console.log(`\n== ${name}`);
    await run();
  }
}

await main();
