import { execFileSync } from "node:child_process";
import { symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli } from "../helpers/cliHarness.js";
import { tempRepos } from "../helpers/tempRepos.js";

const { repo, cleanup } = tempRepos("gg-failclosed-");
afterEach(cleanup);

const deployment = [
  "apiVersion: apps/v1",
  "kind: Deployment",
  "metadata: {name: web}",
  "spec:",
  "  selector: {matchLabels: {app: web}}",
  "  template:",
  "    metadata: {labels: {app: web}}",
  "    spec:",
  "      containers: [{name: web, image: nginx:1.27}]",
  "",
].join("\n");

describe("the gate fails closed on targets it cannot check", () => {
  it("a kustomization with a remote base blocks, not passes", async () => {
    const dir = repo({
      "apps/web/kustomization.yaml":
        "resources:\n  - deployment.yaml\n" +
        "  - https://github.com/example/repo//deploy?ref=main\n",
      "apps/web/deployment.yaml": deployment,
    });
    const run = await cli(["check", dir, "--format", "json"], "/");
    const findings = JSON.parse(run.stdout).findings as {
      ruleId: string;
      severity: string;
    }[];
    expect(findings).toContainEqual(
      expect.objectContaining({
        ruleId: "render/not-checked",
        severity: "error",
      }),
    );
    expect(run.code).toBe(1);
  });

  it.each([
    {
      name: "an Argo CD Application whose path does not exist",
      file: "argocd/web.yaml",
      text: [
        "apiVersion: argoproj.io/v1alpha1",
        "kind: Application",
        "metadata: {name: web, namespace: argocd}",
        "spec:",
        "  project: web",
        "  source:",
        "    repoURL: https://github.com/acme/gitops.git",
        "    path: apps/web/overlays/dve",
        "  destination: {server: https://kubernetes.default.svc, namespace: web}",
        "",
      ].join("\n"),
      line: 8,
      config:
        "render:\n  argocd:\n    repoURLs: [https://github.com/acme/gitops.git]\n",
    },
    {
      name: "a Flux Kustomization whose path does not exist",
      file: "clusters/prod/web.yaml",
      text: [
        "apiVersion: kustomize.toolkit.fluxcd.io/v1",
        "kind: Kustomization",
        "metadata: {name: web, namespace: flux-system}",
        "spec:",
        "  interval: 5m",
        "  path: ./apps/web/overlays/prdo",
        "  prune: true",
        "  sourceRef: {kind: GitRepository, name: flux-system}",
        "",
      ].join("\n"),
      line: 6,
      config: "",
    },
  ])("$name is an error, not an empty app", async (c) => {
    const { file, text, config, line } = c;
    const dir = repo({
      [file]: text,
      "apps/web/overlays/dev/deployment.yaml": deployment,
      ".github/gitops-gate.yml": config,
    });
    const run = await cli(["check", dir, "--format", "json"], "/");
    const findings = JSON.parse(run.stdout).findings as {
      ruleId: string;
      message: string;
      location: { path: string; line?: number };
    }[];
    const missing = findings.filter((f) => f.ruleId === "render/path-missing");
    expect(missing).toHaveLength(1);
    // The `path:` field, not the document's first line.
    expect(missing[0]?.location).toEqual({ path: file, line });
    expect(missing[0]?.message).toContain("does not exist in this repository");
    expect(run.stdout).not.toContain(tmpdir());
    expect(run.code).toBe(1);
  });
});

describe("one unreadable file does not hide the others' findings", () => {
  it("a symlink out of the checkout next to a leaked key", async () => {
    const dir = repo({
      "charts/api/values-prod.yaml":
        "aws:\n  secretAccessKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq9Hs2Lm4T\n" +
        "  accessKeyId: AKIAZ3MSJV4WWNKQ7TPL\n",
    });
    const git = (...args: string[]) =>
      execFileSync("git", args, {
        cwd: dir,
        env: {
          PATH: process.env["PATH"],
          HOME: dir,
          GIT_AUTHOR_NAME: "t",
          GIT_AUTHOR_EMAIL: "t@example.com",
          GIT_COMMITTER_NAME: "t",
          GIT_COMMITTER_EMAIL: "t@example.com",
        },
      })
        .toString()
        .trim();
    git("init", "-q", "-b", "main");
    git("commit", "-q", "--allow-empty", "-m", "base");
    symlinkSync("/etc/hostname", join(dir, "misc-link.yaml"));
    git("add", "-A");
    git("commit", "-q", "-m", "pr");
    const run = await cli(
      ["check", ".", "--base", "HEAD~1", "--head", "HEAD", "--format", "json"],
      dir,
    );
    const rules = (JSON.parse(run.stdout).findings as { ruleId: string }[]).map(
      (f) => f.ruleId,
    );
    expect(rules).not.toContain("secrets/check-failed");
    expect(rules).toContain("aws:AWSSecretAccessKey");
    expect(run.code).toBe(1);
  });
});

describe("hostile YAML inside a kustomization", () => {
  it("an alias bomb in a base is named, not left to exhaust kustomize", async () => {
    const bomb = [
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata: {name: bomb}",
      'data: &a {k: ["x","x","x","x","x","x","x","x","x"]}',
      ...["b", "c", "d", "e", "f", "g", "h"].map(
        (n, i) =>
          `${n}: &${n} [${Array(9)
            .fill(`*${i === 0 ? "a" : String.fromCharCode(97 + i)}`)
            .join(",")}]`,
      ),
      "",
    ].join("\n");
    const dir = repo({
      "apps/web/kustomization.yaml":
        "resources:\n  - deployment.yaml\n  - bomb.yaml\n",
      "apps/web/deployment.yaml": deployment,
      "apps/web/bomb.yaml": bomb,
    });
    const run = await cli(["check", dir, "--format", "json"], "/");
    const findings = JSON.parse(run.stdout).findings as {
      ruleId: string;
      location: { path: string };
      message: string;
    }[];
    const alias = findings.filter((f) => f.ruleId === "yaml/alias");
    expect(alias.map((f) => f.location.path)).toEqual(["apps/web/bomb.yaml"]);
    expect(alias[0]?.message).toContain("apps/web/kustomization.yaml:3");
    expect(run.code).toBe(1);
  });
});
