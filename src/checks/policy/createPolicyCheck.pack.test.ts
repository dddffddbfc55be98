import { describe, expect, it } from "vitest";
import { createPolicyCheck } from "./createPolicyCheck.js";
import { fakeEngine } from "./test/fakeEngine.js";
import { check, DEPLOY, MAIN_REGO, PACK } from "./test/fixtures.js";
import { checkInput, target } from "./test/scenario.js";

describe("policy check: built-in pack", () => {
  const answer = {
    "data.gitopsgate.images.deny": () => [
      {
        id: "GG-IMG-001",
        msg: "latest",
        field: ["spec", "template", "spec", "containers", 0, "image"],
      },
    ],
  };

  it("maps pack results to findings on the field's line with the pack severity", async () => {
    const { policyCheck } = check(answer);
    const findings = await policyCheck.run(
      checkInput({ targets: [target("a", { "a/d.yaml": DEPLOY })] }),
    );
    expect(findings.map((f) => [f.ruleId, f.severity, f.location])).toEqual([
      ["GG-IMG-001", "error", { path: "a/d.yaml", line: 11 }],
    ]);
  });

  it("applies environment defaults and config overrides", async () => {
    const { policyCheck } = check(answer);
    const dev = await policyCheck.run(
      checkInput({ targets: [target("a", { "a/d.yaml": DEPLOY }, "dev")] }),
    );
    expect(dev.map((f) => [f.severity, f.environment])).toEqual([
      ["notice", "dev"],
    ]);
    const off = await policyCheck.run(
      checkInput({
        targets: [target("a", { "a/d.yaml": DEPLOY })],
        config: {
          checks: {
            policy: {
              builtin: { rules: { "GG-IMG-001": { enabled: false } } },
            },
          },
        },
      }),
    );
    expect(off).toEqual([]);
  });

  it("gives the pack its parameters and the target's roles", async () => {
    const seen: unknown[] = [];
    const { policyCheck } = check({
      "data.gitopsgate.images.deny": (o) => {
        seen.push(o.data);
        return [];
      },
    });
    const role =
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: all\nrules:\n  - verbs: ['*']\n";
    await policyCheck.run(
      checkInput({
        targets: [target("a", { "a/r.yaml": role })],
        config: {
          checks: {
            policy: {
              multiTenant: true,
              builtin: { allowedRegistries: ["ghcr.io"] },
            },
          },
        },
      }),
    );
    expect(seen[0]).toEqual({
      gitopsgate: {
        params: { allowedRegistries: ["ghcr.io"], multiTenant: true },
        target: {
          roles: [
            {
              kind: "ClusterRole",
              name: "all",
              namespace: "",
              rules: [{ verbs: ["*"] }],
            },
          ],
        },
      },
    });
  });

  it("treats an undocumented rule id as a pack bug", async () => {
    const { policyCheck } = check({
      "data.gitopsgate.images.deny": () => [{ id: "GG-NOPE-001", msg: "x" }],
    });
    const findings = await policyCheck.run(
      checkInput({ targets: [target("a", { "a/d.yaml": DEPLOY })] }),
    );
    expect(findings.map((f) => f.ruleId)).toEqual(["policy/eval-failed"]);
  });
});

describe("policy check: org repository", () => {
  it("loads the org's policies with the repo's, and fails closed when unavailable", async () => {
    const { policyCheck, engine } = check(
      {},
      { "policy/org.rego": "package main\n" },
    );
    const config = { checks: { policy: { org: { repo: "acme/policies" } } } };
    await policyCheck.run(
      checkInput({
        base: { "policy/main.rego": MAIN_REGO },
        targets: [],
        config,
      }),
    );
    expect(engine.compiled[0]?.map((m) => m.path)).toEqual([
      "policy/main.rego",
      "acme/policies@main:policy/org.rego",
    ]);
    const alone = createPolicyCheck({
      compile: fakeEngine({}).compile,
      builtinPack: async () => PACK,
    });
    const findings = await alone.run(checkInput({ targets: [], config }));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ["policy/org-load-failed", "error"],
    ]);
  });
});
