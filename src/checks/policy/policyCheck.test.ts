import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { policyCheck, policyCheckWithOrgDir } from "./policyCheck.js";
import { checkInput, target } from "./test/scenario.js";

const ORG = fileURLToPath(
  new URL("../../../examples/policy-conftest/", import.meta.url),
);
const DEPLOY =
  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n";

describe("policyCheckWithOrgDir", () => {
  it("applies the org's policies from a local checkout", async () => {
    const input = checkInput({
      base: {},
      targets: [target("apps", { "apps/d.yaml": DEPLOY })],
      config: {
        checks: {
          policy: {
            org: { repo: "acme/policies", ref: "v1", path: "policy/" },
            builtin: { enabled: false },
          },
        },
      },
    });
    const got = (await policyCheckWithOrgDir(ORG).run(input)).map(
      (f) => `${f.ruleId} ${f.location.path}:${f.location.line}`,
    );
    expect(got).toContain("main.deny_replicas apps/d.yaml:6");
    const without = (await policyCheck.run(input)).map((f) => f.ruleId);
    expect(without).toEqual(["policy/org-load-failed"]);
  });
});
