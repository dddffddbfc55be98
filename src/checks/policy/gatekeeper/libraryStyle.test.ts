import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../../rego/index.js";
import { createPolicyCheck } from "../createPolicyCheck.js";
import { checkInput, target } from "../test/scenario.js";

// Gatekeeper-library-style templates (v0 idioms, libs, code: form, v1
// module, data.inventory) evaluated with the real engine, like `gator test`.
const read = (f: string) =>
  readFileSync(new URL(`testdata/${f}`, import.meta.url), "utf8");

async function run(): Promise<string[]> {
  const check = createPolicyCheck({ compile, builtinPack: async () => [] });
  const input = checkInput({
    base: {
      "policy/templates.yaml": read("templates.yaml"),
      "policy/constraints.yaml": read("constraints.yaml"),
    },
    targets: [
      target("apps/shop", {
        "apps/shop/resources.yaml": read("resources.yaml"),
      }),
    ],
    config: { checks: { policy: { builtin: { enabled: false } } } },
  });
  const findings = await check.run(input);
  return findings
    .map(
      (f) =>
        `${f.ruleId} ${f.severity} ${f.resource?.name ?? "-"}: ${f.message}`,
    )
    .sort();
}

const EXPECTED = [
  "LabelPattern/owner warning web: label owner has value Team-Web, which does not match ^[a-z]+$",
  "NoHostNetwork/no-host-network notice web: web shares the host network",
  'RepoAllowList/acme-only error web: image docker.io/nginx:1.27 of container web is outside the allowed repos ["ghcr.io/acme/"]',
  "UniqueServiceSelector/unique error a: same selector as Service shop/b",
  "UniqueServiceSelector/unique error b: same selector as Service shop/a",
];

describe("Gatekeeper library-style templates", () => {
  it("match gator: libs, code:, v1, inventory and the v0 builtin any", async () => {
    expect(await run()).toEqual(EXPECTED);
  });
});
