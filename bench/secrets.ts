import { performance } from "node:perf_hooks";
import { lintSource } from "@secretlint/core";
import { configSchema } from "../src/config/schema.js";
import { createSecretsCheck } from "../src/checks/secrets/secretsCheck.js";
import { SECRETLINT_CONFIG } from "../src/checks/secrets/secretlintEngine.js";
import {
  b64,
  fakeChars,
  fakeSecrets,
} from "../src/checks/secrets/testing/fakeSecrets.js";
import { memoryTree } from "../src/checks/secrets/testing/memoryTree.js";

/** A Deployment and Service: what most files of a GitOps repo look like. */
function workload(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 7}
  labels: {app: app-${i}, tier: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: app-${i}}}
  template:
    metadata: {labels: {app: app-${i}}}
    spec:
      containers:
        - name: app
          image: registry.example.com/app-${i}:1.${i}.0
          env:
            - {name: LOG_LEVEL, value: info}
            - name: DB_PASSWORD
              valueFrom: {secretKeyRef: {name: db-${i}, key: password}}
          ports: [{containerPort: 8080}]
          resources: {limits: {cpu: "1", memory: 256Mi}}
---
apiVersion: v1
kind: Service
metadata: {name: app-${i}}
spec:
  selector: {app: app-${i}}
  ports: [{port: 80, targetPort: 8080}]
`;
}

/** A ConfigMap and a Secret with base64 data (one in 50 holds a key). */
function config(i: number): string {
  const s = fakeSecrets(`bench${i}`);
  const leak = i % 50 === 0 ? s.awsSecret : fakeChars(`v${i}`, 24);
  return `apiVersion: v1
kind: ConfigMap
metadata: {name: cfg-${i}}
data:
  LOG_LEVEL: info
  FEATURE_FLAGS: "a,b,c"
  app.properties: |
    server.port=8080
    db.host=db-${i}.svc
---
apiVersion: v1
kind: Secret
metadata: {name: db-${i}}
data:
  username: ${b64(`app-${i}`)}
  aws_secret_access_key: ${b64(leak)}
`;
}

function values(i: number): string {
  return `replicaCount: 2
image: {repository: registry.example.com/app-${i}, tag: "1.${i}.0"}
ingress:
  enabled: true
  hosts: [{host: app-${i}.example.com, paths: [{path: /, pathType: Prefix}]}]
auth:
  existingSecret: app-${i}-auth
resources: {limits: {cpu: 500m, memory: 128Mi}}
`;
}

/** A generated GitOps repository of about 0.9 KB per app. */
export function secretsCorpus(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    files[`apps/app-${i}/deploy.yaml`] = workload(i);
    if (i % 3 === 0) files[`apps/app-${i}/config.yaml`] = config(i);
    if (i % 4 === 0) files[`charts/app-${i}/values-prod.yaml`] = values(i);
  }
  return files;
}

async function timeCheck(files: Record<string, string>): Promise<number> {
  const check = createSecretsCheck({ fingerprintKey: "bench" });
  const t0 = performance.now();
  await check.run({
    config: configSchema.parse({}),
    head: memoryTree(files),
    targets: [],
    changes: { all: true, paths: [], commits: [] },
    environmentOf: () => undefined,
  });
  return performance.now() - t0;
}

async function timeSecretlint(files: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  for (const [path, content] of Object.entries(files)) {
    await lintSource({
      source: { content, filePath: `/${path}`, contentType: "text" },
      options: { config: SECRETLINT_CONFIG, locale: "en" },
    });
  }
  return performance.now() - t0;
}

async function timeSecretlintOnce(
  files: Record<string, string>,
): Promise<number> {
  const t0 = performance.now();
  await lintSource({
    source: {
      content: Object.values(files).join("\n"),
      filePath: "/all.txt",
      contentType: "text",
    },
    options: { config: SECRETLINT_CONFIG, locale: "en" },
  });
  return performance.now() - t0;
}

/**
 * Times the secrets check over a generated GitOps repository (whole-tree
 * scan) against secretlint alone on the same files with the same rules.
 * Goals: ≥ 5 MB/s, ratio ≤ 1.2.
 */
export async function benchSecrets(): Promise<void> {
  const files = secretsCorpus(Number(process.env["BENCH_SECRETS_N"] ?? 3000));
  const mb =
    Object.values(files).reduce((n, t) => n + Buffer.byteLength(t), 0) /
    1024 /
    1024;
  await timeCheck(secretsCorpus(30));
  const ours: number[] = [];
  const direct: number[] = [];
  const joined: number[] = [];
  for (let i = 0; i < 3; i++) {
    direct.push(await timeSecretlint(files));
    joined.push(await timeSecretlintOnce(files));
    ours.push(await timeCheck(files));
  }
  const best = (l: number[]) => Math.min(...l);
  const rate = (ms: number) => (mb / (ms / 1000)).toFixed(1);
  const count = Object.keys(files).length;
  console.log(
    `secrets: ${count} files (${mb.toFixed(1)} MB): check ${best(ours).toFixed(0)} ms ` +
      `(${rate(best(ours))} MB/s, goal ≥ 5), secretlint alone ` +
      `${best(direct).toFixed(0)} ms (${rate(best(direct))} MB/s); ` +
      `ratio ${(best(ours) / best(direct)).toFixed(2)} (goal ≤ 1.2), best of 3`,
  );
  console.log(
    `secrets: secretlint on all files joined in one call ` +
      `${best(joined).toFixed(0)} ms (${rate(best(joined))} MB/s): the ` +
      `check's own cost over the bare rules is ` +
      `${(best(ours) / best(joined)).toFixed(2)}x`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSecrets();
