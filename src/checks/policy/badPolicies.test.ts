import { describe, expect, it } from "vitest";
import { compile } from "../../rego/index.js";
import { createPolicyCheck } from "./createPolicyCheck.js";
import { checkInput, target } from "./test/scenario.js";

// Hostile or broken org policies with the real engine: the evaluation limit
// ends a runaway policy, conflicts and compile errors are findings naming
// the policy file, and the other policies still run.
const policyCheck = createPolicyCheck({ compile, builtinPack: async () => [] });

const CM =
  "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n";

const GOOD = `package main

import rego.v1

warn contains "still evaluated" if input.kind == "ConfigMap"
`;

async function run(files: Record<string, string>, maxSteps = 10_000) {
  const input = checkInput({
    base: { "policy/good.rego": GOOD, ...files },
    targets: [
      target("a", {
        "a/cm.yaml": CM,
        "a/cm2.yaml": CM.replace("name: c", "name: d"),
      }),
    ],
    config: {
      checks: {
        policy: {
          builtin: { enabled: false },
          limits: { timeoutMs: 2000, maxSteps },
        },
      },
    },
  });
  return (await policyCheck.run(input)).map(
    (f) =>
      `${f.ruleId} ${f.severity} ${f.location.path}:${f.location.line ?? "-"} ${f.message}`,
  );
}

describe("broken and hostile policies", () => {
  it("stops a runaway policy at the step limit and keeps the others", async () => {
    const slow =
      "package main\n\nimport rego.v1\n\ndeny contains x if {\n\tsome a in numbers.range(1, 3000)\n\tsome b in numbers.range(1, 3000)\n\tx := a + b\n\tx < 0\n}\n";
    const got = await run({ "policy/slow.rego": slow });
    expect(got.filter((g) => g.includes("still evaluated"))).toHaveLength(2);
    const errors = got.filter((g) => g.startsWith("policy/eval-failed"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^policy\/eval-failed error policy\/slow.rego:5 policy data.main.deny failed and was skipped/,
    );
  });

  it("reports conflicting complete rules at evaluation", async () => {
    const conflict =
      'package main\n\nimport rego.v1\n\nwarn_x := "a" if input.kind == "ConfigMap"\n\nwarn_x := "b" if input.kind == "ConfigMap"\n';
    const got = await run({ "policy/conflict.rego": conflict });
    expect(got.filter((g) => g.startsWith("policy/eval-failed"))).toEqual([
      expect.stringMatching(
        /^policy\/eval-failed error policy\/conflict.rego:[57] policy data.main.warn_x failed .*conflict/,
      ),
    ]);
  });

  it("refuses deny rules that are objects or booleans, not sets", async () => {
    const rules = [
      "package main",
      "",
      "import rego.v1",
      "",
      "deny_obj[msg] if {",
      '  msg := "looks like a set, is an object"',
      "}",
      "",
      'warn_bool if input.kind == "ConfigMap"',
      "",
    ].join("\n");
    const got = await run({ "policy/shape.rego": rules });
    expect(got.filter((g) => g.startsWith("policy/eval-failed"))).toEqual([
      expect.stringMatching(
        /^policy\/eval-failed error policy\/shape.rego:5 .*deny_obj is an object.*deny_obj contains msg if/,
      ),
      expect.stringMatching(
        /^policy\/eval-failed error policy\/shape.rego:9 .*warn_bool is a boolean rule/,
      ),
    ]);
  });

  it("maps a template's evaluation error to its line in the YAML", async () => {
    const template = [
      "apiVersion: templates.gatekeeper.sh/v1",
      "kind: ConstraintTemplate",
      "metadata: {name: clash}",
      "spec:",
      "  crd: {spec: {names: {kind: Clash}}}",
      "  targets:",
      "    - target: admission.k8s.gatekeeper.sh",
      "      rego: |",
      "        package clash",
      "        level = 1 { input.review.object }",
      "        level = 2 { input.review.object }",
      '        violation[{"msg": "m"}] { level > 0 }',
      "---",
      "apiVersion: constraints.gatekeeper.sh/v1beta1",
      "kind: Clash",
      "metadata: {name: c}",
      "",
    ].join("\n");
    const got = await run({ "policy/clash.yaml": template });
    const errors = got.filter((g) => g.startsWith("policy/eval-failed"));
    expect(errors).toEqual([
      expect.stringMatching(
        /^policy\/eval-failed error policy\/clash.yaml:1[01] policy Clash\/c \(template clash\) failed/,
      ),
    ]);
  });

  it("runs v0 and v1 modules side by side by default (auto)", async () => {
    const v0 = [
      "package main",
      "",
      "import data.lib.names",
      "",
      "deny[msg] {",
      '  input.kind == "ConfigMap"',
      "  names.bad(input.metadata.name)",
      '  msg := "v0 rule"',
      "}",
      "",
    ].join("\n");
    const lib = 'package lib.names\n\nbad(n) if n == "c"\n';
    const got = await run({ "policy/old.rego": v0, "policy/lib.rego": lib });
    expect(got).toEqual([
      "main.warn warning a/cm.yaml:1 still evaluated",
      "main.deny error a/cm.yaml:1 v0 rule",
      "main.warn warning a/cm2.yaml:1 still evaluated",
    ]);
  });

  it("suggests auto or v0 for v0 policies when regoVersion is v1", async () => {
    const v0 =
      'package main\n\ndeny[msg] {\n  input.kind == "ConfigMap"\n  msg := "v0 rule"\n}\n';
    const input = checkInput({
      base: { "policy/old.rego": v0 },
      targets: [target("a", { "a/cm.yaml": CM })],
      config: {
        checks: { policy: { regoVersion: "v1", builtin: { enabled: false } } },
      },
    });
    expect((await policyCheck.run(input)).map((f) => f.message)).toEqual([
      expect.stringContaining("set checks.policy.regoVersion: auto or v0"),
    ]);
  });

  it("reports a compile error on the file and line, failing closed", async () => {
    const broken =
      "package main\n\nimport rego.v1\n\ndeny contains msg if {\n\tmsg := \n}\n";
    const got = await run({ "policy/broken.rego": broken });
    expect(got).toEqual([
      expect.stringMatching(
        /^policy\/compile-failed error policy\/broken.rego:[67] policy does not compile: rego_parse_error/,
      ),
    ]);
  });
});
