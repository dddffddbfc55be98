import { describe, expect, it } from "vitest";
import { changedPolicyFindings } from "./changedPolicyFindings.js";

describe("changedPolicyFindings", () => {
  const cases: [string, string[], string[]][] = [
    [
      "policy file",
      ["policy/main.rego"],
      ["policy/policy-changed policy/main.rego"],
    ],
    [
      "policy data",
      ["rules/data.yaml"],
      ["policy/policy-changed rules/data.yaml"],
    ],
    [
      "gate config (the gate reports it, not the policy check)",
      [".github/gitops-gate.yml", ".gitops-gate.yaml"],
      [],
    ],
    ["manifests only", ["apps/web/deploy.yaml"], []],
    ["look-alike dir", ["policyx/main.rego"], []],
  ];
  it.each(cases)("%s", (_name, paths, expected) => {
    const got = changedPolicyFindings({ all: false, paths }, [
      "policy/",
      "rules",
    ]);
    expect(got.map((f) => `${f.ruleId} ${f.location.path}`)).toEqual(expected);
    for (const f of got) expect(f.severity).toBe("warning");
  });

  it("says nothing without a base (every path counts as changed)", () => {
    expect(
      changedPolicyFindings({ all: true, paths: ["policy/a.rego"] }, [
        "policy/",
      ]),
    ).toEqual([]);
  });
});
