import { describe, expect, it } from "vitest";
import type { ConfigInput } from "../../config/schema.js";
import { compile } from "../../rego/index.js";
import { createPolicyCheck } from "./createPolicyCheck.js";
import { checkInput, target } from "./test/scenario.js";

// conftest's conventions with the real engine: exceptions, data files next
// to the policies, helper packages, v0 modules and combined input.
const check = createPolicyCheck({ compile, builtinPack: async () => [] });

const DEPLOY = (name: string, replicas: number) =>
  [
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata:",
    `  name: ${name}`,
    "spec:",
    `  replicas: ${replicas}`,
    "",
  ].join("\n");

async function run(
  policy: Record<string, string>,
  files: Record<string, string>,
  config: NonNullable<ConfigInput["checks"]>["policy"] = {},
): Promise<string[]> {
  const input = checkInput({
    base: policy,
    targets: [target("apps", files)],
    config: { checks: { policy: { builtin: { enabled: false }, ...config } } },
  });
  return (await check.run(input)).map(
    (f) =>
      `${f.ruleId} ${f.severity} ${f.location.path}:${f.location.line ?? "-"} ${f.message}`,
  );
}

describe("conftest conventions", () => {
  it("applies exceptions, data files and helper packages", async () => {
    const main = [
      "package main",
      "",
      "import data.lib.k8s",
      "",
      "deny_replicas contains msg if {",
      "  k8s.is_deployment",
      "  input.spec.replicas < data.limits.minReplicas",
      '  msg := sprintf("%s: too few replicas", [input.metadata.name])',
      "}",
      "",
      'warn contains "a deployment" if k8s.is_deployment',
      "",
      "exception contains rules if {",
      '  input.metadata.name == "legacy"',
      '  rules := ["replicas", ""]',
      "}",
      "",
    ].join("\n");
    const got = await run(
      {
        "policy/main.rego": main,
        "policy/lib/k8s.rego":
          'package lib.k8s\n\nis_deployment if input.kind == "Deployment"\n',
        "policy/limits.yaml": "limits:\n  minReplicas: 2\n",
      },
      {
        "apps/legacy.yaml": DEPLOY("legacy", 1),
        "apps/web.yaml": DEPLOY("web", 1),
      },
    );
    expect(got).toEqual([
      "main.deny_replicas error apps/web.yaml:1 web: too few replicas",
      "main.warn warning apps/web.yaml:1 a deployment",
    ]);
  });

  it("gives combined-mode policies conftest's --combine input", async () => {
    const pdb = [
      "package main",
      "",
      "deny[res] {",
      "  some i",
      '  input[i].contents.kind == "Deployment"',
      "  name := input[i].contents.metadata.name",
      "  not pdb_for[name]",
      "  res := {",
      '    "msg": sprintf("%s has no PodDisruptionBudget", [name]),',
      '    "resource": {"kind": "Deployment", "name": name},',
      '    "field": ["spec", "replicas"],',
      "  }",
      "}",
      "",
      "pdb_for[n] {",
      '  input[_].contents.kind == "PodDisruptionBudget"',
      "  n := input[_].contents.spec.selector.matchLabels.app",
      "}",
      "",
    ].join("\n");
    const budget = [
      "apiVersion: policy/v1",
      "kind: PodDisruptionBudget",
      "metadata:",
      "  name: api",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: api",
      "",
    ].join("\n");
    const got = await run(
      { "policy/pdb.rego": pdb },
      {
        "apps/api.yaml": DEPLOY("api", 2),
        "apps/web.yaml": DEPLOY("web", 2),
        "apps/pdb.yaml": budget,
      },
      { combined: true },
    );
    expect(got).toEqual([
      "main.deny error apps/web.yaml:6 web has no PodDisruptionBudget",
    ]);
  });

  it("names packages left out by namespaces, and runs them with all", async () => {
    const policy = {
      "policy/k8s.rego":
        'package kubernetes\n\ndeny contains "from kubernetes" if true\n',
      "policy/main.rego": 'package main\n\nwarn contains "from main" if true\n',
    };
    const files = { "apps/web.yaml": DEPLOY("web", 1) };
    expect(await run(policy, files)).toEqual([
      "policy/namespace-not-selected notice policy/k8s.rego:3 package " +
        "kubernetes defines deny but is not in checks.policy.namespaces, so " +
        "its rules are not evaluated (add kubernetes, or set namespaces: all)",
      "main.warn warning apps/web.yaml:1 from main",
    ]);
    expect(await run(policy, files, { namespaces: "all" })).toEqual([
      "kubernetes.deny error apps/web.yaml:1 from kubernetes",
      "main.warn warning apps/web.yaml:1 from main",
    ]);
  });
});
