import { createPolicyCheck } from "../createPolicyCheck.js";
import { fakeEngine, type FakeAnswer } from "./fakeEngine.js";
import { memoryTree } from "./memoryTree.js";

/** Shared fixtures of the policy check's wiring tests. */
export const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:latest
`;

export const MAIN_REGO = `package main

deny contains msg if {
  input.kind == "Deployment"
  msg := "no"
}

warn_limits contains msg if { msg := "w" }
`;

export const PACK = [
  {
    path: "policies/images.rego",
    source: `package gitopsgate.images

# METADATA
# title: Latest
# description: d
# custom:
#   id: GG-IMG-001
#   severity: error
#   environments:
#     dev: notice
#   remediation: r
deny contains r if { r := 1 }
`,
  },
];

/** A policy check over the fake engine, with a one-rule pack. */
export function check(
  answers: Record<string, FakeAnswer>,
  org?: Record<string, string>,
) {
  const engine = fakeEngine(answers);
  const policyCheck = createPolicyCheck({
    compile: engine.compile,
    builtinPack: async () => PACK,
    ...(org
      ? {
          orgPolicies: async () => memoryTree(org),
        }
      : {}),
  });
  return { policyCheck, engine };
}

export const kindIs =
  (kind: string, value: unknown): FakeAnswer =>
  (o) =>
    (o.input as { kind?: string }).kind === kind ? value : [];
