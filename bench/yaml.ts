import { performance } from "node:perf_hooks";
import { parseYaml } from "../src/manifests/parseYaml.js";
import { toResources } from "../src/manifests/toResources.js";

/** A realistic Deployment document, repeated to build large streams. */
function deployment(i: number): string {
  return [
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata:",
    `  name: app-${i}`,
    "  namespace: bench",
    "  labels: {app: bench, tier: web}",
    "spec:",
    "  replicas: 3",
    "  selector: {matchLabels: {app: bench}}",
    "  template:",
    "    metadata: {labels: {app: bench}}",
    "    spec:",
    "      containers:",
    "        - name: app",
    `          image: registry.example.com/app:${i}`,
    "          ports: [{containerPort: 8080}]",
    "          resources:",
    "            limits: {cpu: '1', memory: 256Mi}",
    "",
  ].join("\n");
}

/** Times the YAML loader (parse + positions + resources); prints MB/s. */
export async function benchYaml(): Promise<void> {
  for (const count of [1_000, 10_000]) {
    const text = Array.from({ length: count }, (_, i) => deployment(i)).join(
      "---\n",
    );
    const mb = Buffer.byteLength(text) / 1024 / 1024;
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const parsed = parseYaml("bench.yaml", text, {
        maxFileBytes: 1e9,
        maxAliasCount: 1000,
      });
      toResources("bench.yaml", parsed.documents);
      runs.push(performance.now() - t0);
    }
    const best = Math.min(...runs);
    console.log(
      `yaml: ${count} resources (${mb.toFixed(1)} MB) in ${best.toFixed(0)} ms` +
        ` — ${(mb / (best / 1000)).toFixed(1)} MB/s, ` +
        `${Math.round(count / (best / 1000))} resources/s (best of 3)`,
    );
  }
}
