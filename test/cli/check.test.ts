import { readFileSync } from "node:fs";
import {
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  mkdirSync,
  chmodSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.js";
import { cli } from "../helpers/cliHarness.js";
import {
  materializeExample,
  type MaterializedExample,
} from "../helpers/materializeExample.js";

let pr: MaterializedExample;
let scratch: string;

beforeAll(() => {
  pr = materializeExample("acme");
  scratch = mkdtempSync(join(tmpdir(), "gg-cli-"));
});
afterAll(() => {
  rmSync(pr.dir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

function json(stdout: string): {
  findings: Finding[];
  summary: { conclusion: string };
} {
  return JSON.parse(stdout);
}

describe("gitops-gate check on the example pull request", () => {
  it("passes on the clean base (whole tree)", async () => {
    const clean = materializeExample("acme", { commits: 0 });
    try {
      const run = await cli(["check", clean.dir, "--format", "json"], "/");
      expect(run.stderr).toBe("");
      const out = json(run.stdout);
      expect(out.findings.filter((f) => f.severity === "error")).toEqual([]);
      expect(run.code).toBe(0);
    } finally {
      rmSync(clean.dir, { recursive: true, force: true });
    }
  });

  it("blocks the PR head with findings on source lines", async () => {
    const run = await cli(
      ["check", ".", "--base", pr.base, "--head", "HEAD", "--format", "json"],
      pr.dir,
    );
    expect(run.code).toBe(1);
    const out = json(run.stdout);
    const at = (rule: string) =>
      out.findings
        .filter((f) => f.ruleId === rule)
        .map((f) => `${f.location.path}:${f.location.line}`);
    expect(at("yaml/duplicate-resource")).toEqual([
      "infrastructure/namespaces/namespaces.yaml:16",
    ]);
    expect(at("yaml/parse")).toEqual([
      "infrastructure/namespaces/quotas.yaml:9",
    ]);
    expect(out.summary.conclusion).toBe("failure");
  });

  it("reads config from the base revision, not from the PR", async () => {
    const repo = materializeExample("acme", { commits: 0 });
    try {
      // The PR would silence the gate; the base config still applies.
      const run = await cli(
        ["check", ".", "--base", repo.base, "--format", "json"],
        repo.dir,
      );
      expect(run.code).toBe(0);
      writeFileSync(
        join(repo.dir, ".github/gitops-gate.yml"),
        "gate: {failOn: never}\n",
      );
      writeFileSync(
        join(repo.dir, "infrastructure/namespaces/bad.yaml"),
        "a: [\n",
      );
      const after = await cli(
        ["check", ".", "--base", repo.base, "--format", "json"],
        repo.dir,
      );
      expect(after.code).toBe(1);
      const rules = json(after.stdout).findings.map((f) => f.ruleId);
      expect(rules).toContain("config/changed-in-pr");
      expect(rules).toContain("yaml/parse");
    } finally {
      rmSync(repo.dir, { recursive: true, force: true });
    }
  });

  it.each(["text", "markdown", "sarif"])("prints %s", async (format) => {
    const run = await cli(
      ["check", ".", "--base", pr.base, "--head", "HEAD", "--format", format],
      pr.dir,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("infrastructure/namespaces/quotas.yaml");
  });

  it("--fail-on never passes and --output writes a file", async () => {
    const out = join(scratch, "report.json");
    const run = await cli(
      [
        "check",
        ".",
        "--base",
        pr.base,
        "--head",
        "HEAD",
        "--format",
        "json",
        "--fail-on",
        "never",
        "--output",
        out,
      ],
      pr.dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`success (`);
    expect(run.stderr).toContain(`report written to ${out}`);
    const written = json(readFileSync(out, "utf8"));
    expect(written.summary.conclusion).toBe("success");
    expect(written.findings.length).toBeGreaterThan(0);
  });
});

describe("gitops-gate check with bad input", () => {
  it.each([
    {
      name: "a missing directory",
      args: ["check", "does-not-exist"],
      message: "gitops-gate: directory not found: does-not-exist\n",
    },
    {
      name: "an unknown format",
      args: ["check", ".", "--format", "xml"],
      message:
        "argument 'xml' is invalid. Allowed choices are text, json, markdown, sarif.",
    },
    {
      name: "an unknown flag",
      args: ["check", "--frobnicate"],
      message: "unknown option '--frobnicate'",
    },
    {
      name: "--output naming a directory",
      args: ["check", ".", "--output", "/tmp"],
      message: "cannot open /tmp: it is a directory, a file was expected",
    },
    {
      name: "--head without --base",
      args: ["check", ".", "--head", "HEAD"],
      message: "--head needs --base",
    },
  ])("exits 2 on $name", async ({ args, message }) => {
    const run = await cli(args, scratch);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("exits 2 with --base outside a git repository", async () => {
    const run = await cli(["check", ".", "--base", "main"], scratch);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("is not inside a git repository");
  });

  it("exits 2 on an unknown ref", async () => {
    const run = await cli(["check", ".", "--base", "no-such-branch"], pr.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown git revision "no-such-branch"');
  });

  it("exits 2 on invalid config, naming file, key and allowed values", async () => {
    const dir = join(scratch, "badconfig");
    mkdirSync(join(dir, ".github"), { recursive: true });
    writeFileSync(
      join(dir, ".github/gitops-gate.yml"),
      "gate:\n  failOn: sometimes\n",
    );
    const run = await cli(["check", dir], "/");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      ".github/gitops-gate.yml:2: gate.failOn: invalid value; allowed: error, warning, never",
    );
  });

  it("reports binary, huge and unreadable files as findings, and goes on", async () => {
    const dir = join(scratch, "hostile");
    mkdirSync(join(dir, "manifests"), { recursive: true });
    writeFileSync(
      join(dir, "manifests/logo.yaml"),
      Buffer.from([0x89, 0x50, 0x00, 0x01]),
    );
    writeFileSync(
      join(dir, "manifests/huge.yaml"),
      Buffer.alloc(50 * 1024 * 1024, "#"),
    );
    writeFileSync(join(dir, "manifests/secret.yaml"), "a: 1\n");
    chmodSync(join(dir, "manifests/secret.yaml"), 0o000);
    symlinkSync("/etc/hostname", join(dir, "manifests/link.yaml"));
    writeFileSync(
      join(dir, "manifests/ok.yaml"),
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n",
    );
    const run = await cli(["check", dir, "--format", "json"], "/");
    const rules = json(run.stdout).findings.map(
      (f) => `${f.location.path} ${f.ruleId}`,
    );
    expect(rules).toContain("manifests/logo.yaml yaml/binary");
    expect(rules).toContain("manifests/huge.yaml yaml/too-large");
    expect(rules).toContain("manifests/link.yaml yaml/unreadable");
    // One cause, one finding: the secrets check does not say it again.
    expect(rules.filter((r) => r.endsWith("gg:not-scanned"))).toEqual([]);
    if (process.getuid?.() !== 0) {
      // root reads any file, so the unreadable case only exists for others
      expect(rules).toContain("manifests/secret.yaml yaml/unreadable");
    }
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
  });
});

describe("gitops-gate check --org-policies", () => {
  it("runs the org's central policies from a local checkout", async () => {
    const repo = join(scratch, "org-repo");
    const org = join(scratch, "org-policies");
    mkdirSync(join(repo, ".github"), { recursive: true });
    mkdirSync(join(repo, "apps"), { recursive: true });
    mkdirSync(join(org, "policy"), { recursive: true });
    writeFileSync(
      join(repo, ".github/gitops-gate.yml"),
      "checks:\n  policy:\n    org: {repo: my-org/policies, path: policy/}\n",
    );
    writeFileSync(
      join(repo, "apps/cm.yaml"),
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n",
    );
    writeFileSync(
      join(org, "policy/org.rego"),
      'package main\n\ndeny contains msg if {\n  input.kind == "ConfigMap"\n' +
        '  msg := sprintf("org forbids ConfigMap %s", [input.metadata.name])\n}\n',
    );
    const without = await cli(["check", repo, "--format", "json"], "/");
    expect(json(without.stdout).findings.map((f) => f.ruleId)).toContain(
      "policy/org-load-failed",
    );
    const run = await cli(
      ["check", repo, "--format", "json", "--org-policies", org],
      "/",
    );
    const messages = json(run.stdout).findings.map((f) => f.message);
    expect(messages).toContain("org forbids ConfigMap cm");
    expect(run.code).toBe(1);
  });

  it("refuses a missing directory and says when config does not use it", async () => {
    const repo = join(scratch, "org-unused");
    mkdirSync(join(repo, "apps"), { recursive: true });
    writeFileSync(
      join(repo, "apps/cm.yaml"),
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n",
    );
    const missing = join(scratch, "no-such-org-dir");
    const bad = await cli(["check", repo, "--org-policies", missing], "/");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      `--org-policies ${missing}: no such file or directory`,
    );
    const unused = await cli(["check", repo, "--org-policies", repo], "/");
    expect(unused.code).toBe(0);
    expect(unused.stderr).toContain("the config has no checks.policy.org");
  });
});

describe("gitops-gate check --config and --output", () => {
  it("names the reason --config cannot be read", async () => {
    const run = await cli(["check", ".", "--config", "nosuch.yml"], scratch);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /cannot read --config nosuch\.yml \(.*nosuch\.yml\): no such file or directory/,
    );
  });
});
