// The attacker's test of issue #6: plant canary secrets everywhere a PR can
// put them, run the whole gate with every output format, and look for any
// canary (or its base64 form) in anything the gate writes.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCheckResult } from "../../src/app/job/toCheckResult.js";
import { FORMATS } from "../../src/cli/check/CheckOptions.js";
import { formatVerdict } from "../../src/cli/check/formatVerdict.js";
import { prepareRequest } from "../../src/cli/check/prepareRequest.js";
import { runGit } from "../../src/workspace/git.js";
import {
  fakeSecrets,
  b64,
} from "../../src/checks/secrets/testing/fakeSecrets.js";
import { runGate } from "../../src/gate/runGate.js";
import { markdownReport } from "../../src/report/markdownReport.js";
import { cli } from "../helpers/cliHarness.js";

const c = fakeSecrets("canary");
const googleKey = `AIza${c.password.slice(3)}${"Qx7_k-Zp9mWv3TfYh2RjLd8".slice(0, 21)}`;

/** Where each canary is planted. */
const CANARIES: Record<string, string> = {
  "Secret data (base64)": c.awsSecret,
  "prod values file": c.githubToken,
  "commit history (added, then removed)": c.slackToken,
  "YAML key name": c.gitlabToken,
  "render error message": googleKey,
};

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      PATH: process.env["PATH"],
      HOME: dir,
      GIT_AUTHOR_NAME: "Canary",
      GIT_AUTHOR_EMAIL: "canary@example.com",
      GIT_COMMITTER_NAME: "Canary",
      GIT_COMMITTER_EMAIL: "canary@example.com",
    },
  }).trim();
}

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

const deployment = (annotations: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    team: web${annotations}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

const BASE = {
  "apps/web/kustomization.yaml": "resources:\n  - deployment.yaml\n",
  "apps/web/deployment.yaml": deployment(""),
  "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 0.1.0\n",
  "charts/web/values.yaml": "replicas: 1\n",
  "charts/web/values-prod.yaml": "replicas: 3\n",
  "charts/web/templates/cm.yaml":
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  replicas: {{ .Values.replicas | quote }}\n",
};

const COMMITS: Record<string, string>[] = [
  {
    "apps/web/secret.yaml": `apiVersion: v1\nkind: Secret\nmetadata:\n  name: aws\ndata:\n  aws_secret_access_key: ${b64(c.awsSecret)}\n`,
    "apps/web/kustomization.yaml":
      "resources:\n  - deployment.yaml\n  - secret.yaml\n",
    "charts/web/values-prod.yaml": `replicas: 3\ngit:\n  token: ${c.githubToken}\n`,
    "apps/web/debug.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: debug\ndata:\n  slack: ${c.slackToken}\n`,
  },
  {
    "apps/web/debug.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: debug\ndata:\n  slack: removed\n`,
    "apps/web/deployment.yaml": deployment(`\n    ${c.gitlabToken}: "true"`),
    "apps/broken/kustomization.yaml": `resources:\n  - missing-${googleKey}.yaml\n`,
  },
];

let dir: string;
let base: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "gg-canary-"));
  git(dir, "init", "--quiet", "--initial-branch=main");
  write(dir, BASE);
  git(dir, "add", "-A");
  git(dir, "commit", "--quiet", "-m", "base");
  base = git(dir, "rev-parse", "HEAD");
  COMMITS.forEach((files, i) => {
    write(dir, files);
    git(dir, "add", "-A");
    git(dir, "commit", "--quiet", "-m", `change ${i + 1}`);
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every form of every canary an output could show. */
function leaks(output: string): string[] {
  const found: string[] = [];
  for (const [where, value] of Object.entries(CANARIES)) {
    const forms = [value, b64(value), b64(value).replace(/=+$/, "")];
    if (forms.some((f) => output.includes(f))) found.push(where);
    // Any 12-character run of the value is a leak too.
    else if (output.includes(value.slice(4, 16))) found.push(`${where} (part)`);
  }
  return found;
}

describe("canary secrets never leave the gate", () => {
  it("the secrets check finds every canary (so the gate knows them)", async () => {
    const run = await cli(
      ["check", ".", "--base", base, "--format", "json"],
      dir,
    );
    const out = JSON.parse(run.stdout) as { findings: { check: string }[] };
    const secrets = out.findings.filter((f) => f.check === "secrets");
    expect(secrets.length).toBeGreaterThanOrEqual(Object.keys(CANARIES).length);
  });

  it.each(FORMATS)(
    "gitops-gate check --format %s: stdout and stderr",
    async (format) => {
      const run = await cli(
        ["check", ".", "--base", base, "--format", format],
        dir,
      );
      expect(run.stdout.length).toBeGreaterThan(0);
      expect(leaks(run.stdout + run.stderr)).toEqual([]);
    },
  );

  describe("gate with the registry and scrubDeep, every reporter", () => {
    let outputs: Record<string, string>;

    beforeAll(async () => {
      const { request, cleanup } = await prepareRequest(
        { dir, base },
        dir,
        runGit,
      );
      try {
        // The gate itself records what the secrets check finds and masks
        // it everywhere: no extra scrubbing here.
        const verdict = await runGate(request);
        const env = { color: false, version: "test" };
        outputs = Object.fromEntries(
          FORMATS.map((f) => [f, formatVerdict(verdict, f, env)]),
        );
        const report = markdownReport(verdict);
        outputs["check run"] = JSON.stringify(
          toCheckResult(verdict, report, [], "check"),
        );
      } finally {
        for (const d of cleanup) rmSync(d, { recursive: true, force: true });
      }
    });

    it.each([...FORMATS, "check run"])("%s", (name) => {
      const out = outputs[name] ?? "";
      expect(out.length).toBeGreaterThan(0);
      expect(leaks(out)).toEqual([]);
    });

    it("the render error is still reported, masked", () => {
      expect(outputs["json"]).toMatch(/missing-\[secret AIza… \(39 chars\)\]/);
    });
  });
});
