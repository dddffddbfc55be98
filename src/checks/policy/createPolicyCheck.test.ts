import { describe, expect, it } from "vitest";
import { FakeRegoError } from "./test/fakeEngine.js";
import { check, DEPLOY, kindIs, MAIN_REGO } from "./test/fixtures.js";
import { checkInput, target } from "./test/scenario.js";

describe("policy check: conftest-style policies", () => {
  it("turns deny and warn answers into findings on the resource", async () => {
    const { policyCheck } = check({
      "data.main.deny": kindIs("Deployment", ["replicas must be set"]),
      "data.main.warn_limits": kindIs("Deployment", [
        {
          msg: "set limits",
          field: ["spec", "template", "spec", "containers", 0],
        },
      ]),
    });
    const input = checkInput({
      base: { "policy/main.rego": MAIN_REGO },
      targets: [target("apps/web", { "apps/web/deploy.yaml": DEPLOY })],
      config: { checks: { policy: { builtin: { enabled: false } } } },
    });
    const findings = await policyCheck.run(input);
    expect(
      findings.map((f) => [f.ruleId, f.severity, f.message, f.location]),
    ).toEqual([
      [
        "main.deny",
        "error",
        "replicas must be set",
        { path: "apps/web/deploy.yaml", line: 1 },
      ],
      [
        "main.warn_limits",
        "warning",
        "set limits",
        expect.objectContaining({ path: "apps/web/deploy.yaml", line: 10 }),
      ],
    ]);
    expect(findings[0]?.resource).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      namespace: "shop",
      name: "web",
    });
  });

  it("reads policies from the base revision, not from the PR's head", async () => {
    const { policyCheck, engine } = check({});
    const input = checkInput({
      base: { "policy/main.rego": MAIN_REGO },
      head: { "policy/main.rego": "package main\n# weakened\n" },
      targets: [],
      changed: [
        "policy/main.rego",
        ".github/gitops-gate.yml",
        "apps/web/deploy.yaml",
      ],
    });
    const findings = await policyCheck.run(input);
    expect(engine.compiled[0]?.map((m) => m.source)).toEqual([MAIN_REGO]);
    expect(findings.map((f) => [f.ruleId, f.location.path])).toEqual([
      ["policy/policy-changed", "policy/main.rego"],
    ]);
  });

  it("applies exception rules to deny_ rules", async () => {
    const { policyCheck } = check({
      "data.main.deny_latest": () => ["latest tag"],
      "data.main.deny": () => ["other"],
      "data.main.exception": () => [["latest"]],
    });
    const rego =
      "package main\ndeny_latest contains m if { m := 1 }\ndeny contains m if { m := 1 }\nexception contains r if { r := [] }\n";
    const input = checkInput({
      base: { "policy/x.rego": rego },
      targets: [target("a", { "a/d.yaml": DEPLOY })],
      config: { checks: { policy: { builtin: { enabled: false } } } },
    });
    expect((await policyCheck.run(input)).map((f) => f.message)).toEqual([
      "other",
    ]);
  });

  it("exempts bare rules by the empty name and warn_ rules by suffix, as conftest", async () => {
    const { policyCheck } = check({
      "data.main.deny": () => ["bare deny"],
      "data.main.warn": () => ["bare warn"],
      "data.main.warn_limits": () => ["no limits"],
      "data.main.warn_other": () => ["other warning"],
      "data.main.exception": () => [["", "limits"]],
    });
    const rego =
      "package main\ndeny contains m if { m := 1 }\nwarn contains m if { m := 1 }\nwarn_limits contains m if { m := 1 }\nwarn_other contains m if { m := 1 }\nexception contains r if { r := [] }\n";
    const input = checkInput({
      base: { "policy/x.rego": rego },
      targets: [target("a", { "a/d.yaml": DEPLOY })],
      config: { checks: { policy: { builtin: { enabled: false } } } },
    });
    const got = await policyCheck.run(input);
    expect(got.map((f) => f.message)).toEqual(["other warning"]);
  });

  it("gives combined-mode policies every resource and maps named resources back", async () => {
    const seen: unknown[] = [];
    const { policyCheck } = check({
      "data.main.deny": (o) => {
        seen.push(o.input);
        return [
          {
            msg: "Deployment web has no PodDisruptionBudget",
            resource: { kind: "Deployment", name: "web" },
          },
          "target-wide",
        ];
      },
    });
    const input = checkInput({
      base: { "policy/main.rego": MAIN_REGO },
      targets: [target("apps/web", { "apps/web/deploy.yaml": DEPLOY })],
      config: {
        checks: { policy: { combined: true, builtin: { enabled: false } } },
      },
    });
    const findings = await policyCheck.run(input);
    expect(seen).toEqual([
      [
        {
          path: "apps/web/deploy.yaml",
          contents: expect.objectContaining({ kind: "Deployment" }),
        },
      ],
    ]);
    expect(findings.map((f) => f.location)).toEqual([
      { path: "apps/web/deploy.yaml", line: 1 },
      { path: "apps/web" },
    ]);
  });

  it("reports a compile error on the policy file and line, and unknown namespaces", async () => {
    const { policyCheck } = check({});
    const input = checkInput({
      base: { "policy/bad.rego": "package other\n\ndeny COMPILE_ERROR\n" },
      targets: [],
    });
    const findings = await policyCheck.run(input);
    expect(findings.map((f) => [f.ruleId, f.severity, f.location])).toEqual([
      ["policy/unknown-namespace", "warning", { path: "policy/" }],
      [
        "policy/compile-failed",
        "error",
        { path: "policy/bad.rego", line: 3, column: 3 },
      ],
    ]);
    expect(findings[0]?.message).toContain("packages: other");
  });

  it("stops a policy at its evaluation limit, names it once, and runs the others", async () => {
    let calls = 0;
    const { policyCheck } = check({
      "data.main.deny": () => {
        calls++;
        throw new FakeRegoError([
          { code: "eval_cancel_error", message: "timed out after 5000ms" },
        ]);
      },
      "data.main.warn_limits": () => ["still runs"],
    });
    const files = {
      "a/d.yaml": DEPLOY,
      "a/e.yaml": DEPLOY.replace("name: web", "name: api"),
    };
    const input = checkInput({
      base: { "policy/main.rego": MAIN_REGO },
      targets: [target("a", files)],
      config: { checks: { policy: { builtin: { enabled: false } } } },
    });
    const findings = await policyCheck.run(input);
    expect(calls).toBe(1);
    expect(findings.filter((f) => f.message === "still runs")).toHaveLength(2);
    const err = findings.find((f) => f.ruleId === "policy/eval-failed");
    expect(err?.message).toBe(
      "policy data.main.deny failed and was skipped for the rest of the run: eval_cancel_error: timed out after 5000ms",
    );
    expect(err?.location).toEqual({ path: "policy/main.rego", line: 3 });
  });

  it("passes evaluation limits from config", async () => {
    const limits: unknown[] = [];
    const { policyCheck } = check({
      "data.main.deny": (o) => {
        limits.push([o.timeoutMs, o.maxSteps]);
        return [];
      },
    });
    const input = checkInput({
      base: { "policy/main.rego": MAIN_REGO },
      targets: [target("a", { "a/d.yaml": DEPLOY })],
      config: {
        checks: {
          policy: {
            builtin: { enabled: false },
            limits: { timeoutMs: 50, maxSteps: 1000 },
          },
        },
      },
    });
    await policyCheck.run(input);
    expect(limits).toEqual([[50, 1000]]);
  });

  it("refuses a result that is neither a string nor an object with msg", async () => {
    const { policyCheck } = check({ "data.main.deny": () => [42] });
    const input = checkInput({
      base: { "policy/main.rego": MAIN_REGO },
      targets: [target("a", { "a/d.yaml": DEPLOY })],
      config: { checks: { policy: { builtin: { enabled: false } } } },
    });
    const [f] = (await policyCheck.run(input)).filter(
      (x) => x.ruleId === "policy/eval-failed",
    );
    expect(f?.message).toContain("rule returned a number");
  });
});
