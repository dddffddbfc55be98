import { describe, expect, it } from "vitest";
import { compile } from "../../../rego/index.js";
import { createPolicyCheck } from "../createPolicyCheck.js";
import { checkInput, target } from "../test/scenario.js";

const POLICY = `apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata: {name: noprivileged}
spec:
  crd: {spec: {names: {kind: NoPrivileged}}}
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package noprivileged
        violation[{"msg": msg}] {
          c := input.review.object.spec.containers[_]
          c.securityContext.privileged
          msg := sprintf("%v in %v is privileged", [c.name, input.review.name])
        }
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: NoPrivileged
metadata: {name: no-privileged}
spec:
  match:
    kinds: [{apiGroups: [""], kinds: ["Pod"]}]
---
apiVersion: expansion.gatekeeper.sh/v1alpha1
kind: ExpansionTemplate
metadata: {name: expand-deployments}
spec:
  applyTo:
    - {groups: ["apps"], kinds: ["Deployment"], versions: ["v1"]}
  templateSource: spec.template
  enforcementAction: warn
  generatedGVK: {kind: Pod, group: "", version: v1}
`;

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: app
          image: nginx
          securityContext: {privileged: true}
`;

describe("Gatekeeper ExpansionTemplate", () => {
  it("reviews a Deployment as the Pod it implies, like gator", async () => {
    const check = createPolicyCheck({ compile, builtinPack: async () => [] });
    const input = checkInput({
      base: { "policy/gk.yaml": POLICY },
      targets: [target("a", { "a/deploy.yaml": DEPLOY })],
      config: { checks: { policy: { builtin: { enabled: false } } } },
    });
    const got = (await check.run(input)).map(
      (f) =>
        `${f.ruleId} ${f.severity} ${f.location.path}:${f.location.line} ${f.message}`,
    );
    expect(got).toEqual([
      "NoPrivileged/no-privileged warning a/deploy.yaml:1 " +
        "[Implied by expand-deployments] app in web-pod is privileged",
    ]);
  });
});
