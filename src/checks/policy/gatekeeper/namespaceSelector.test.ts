import { describe, expect, it } from "vitest";
import { compile } from "../../../rego/index.js";
import { createPolicyCheck } from "../createPolicyCheck.js";
import { checkInput, target } from "../test/scenario.js";

const GK = `apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata: {name: denyall}
spec:
  crd: {spec: {names: {kind: DenyAll}}}
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package denyall
        violation[{"msg": "denied"}] { input.review.object }
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: DenyAll
metadata: {name: prod-only}
spec:
  match:
    kinds: [{apiGroups: [""], kinds: ["ConfigMap"]}]
    namespaceSelector: {matchLabels: {env: prod}}
`;

const CM =
  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n";
const NS =
  "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {env: prod}}\n";

async function run(files: Record<string, string>): Promise<string[]> {
  const check = createPolicyCheck({ compile, builtinPack: async () => [] });
  const input = checkInput({
    base: { "policy/gk.yaml": GK },
    targets: [target("a", files)],
    config: { checks: { policy: { builtin: { enabled: false } } } },
  });
  return (await check.run(input)).map((f) => `${f.ruleId}: ${f.message}`);
}

describe("Gatekeeper namespaceSelector", () => {
  it("applies with the Namespace's labels when the target has it", async () => {
    expect(await run({ "a/cm.yaml": CM, "a/ns.yaml": NS })).toEqual([
      "DenyAll/prod-only: denied",
    ]);
  });

  it("warns, once, when the Namespace is not rendered", async () => {
    const two = `${CM}---\n${CM.replace("name: c", "name: d")}`;
    expect(await run({ "a/cm.yaml": two })).toEqual([
      "policy/namespace-unknown: constraint DenyAll/prod-only has a " +
        "namespaceSelector, but Namespace shop is not among the rendered " +
        "resources, so the constraint was not applied to objects in shop",
    ]);
  });
});
