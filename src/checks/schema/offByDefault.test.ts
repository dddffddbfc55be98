import { describe, expect, it } from "vitest";
import { runCase, type Case } from "./testCases.js";

const vac = (apiVersion: string) =>
  `apiVersion: ${apiVersion}\nkind: VolumeAttributesClass\n` +
  "metadata:\n  name: gold\ndriverName: pd.csi.storage.gke.io\n" +
  "parameters:\n  iops: '3000'\n";
const vap =
  "apiVersion: admissionregistration.k8s.io/v1beta1\n" +
  "kind: ValidatingAdmissionPolicy\nmetadata:\n  name: p\nspec:\n" +
  "  validations:\n    - expression: object.spec.replicas <= 5\n";
const serviceCidr =
  "apiVersion: networking.k8s.io/v1beta1\nkind: ServiceCIDR\n" +
  "metadata:\n  name: extra\nspec:\n  cidrs: [10.96.0.0/24]\n";

const CASES: (Case & { says?: string })[] = [
  {
    name: "a v1beta1 VolumeAttributesClass on 1.33 is a notice",
    files: { "v.yaml": vac("storage.k8s.io/v1beta1") },
    expected: [
      {
        ruleId: "schema/unknown-kind",
        severity: "notice",
        file: "v.yaml",
        marker: "apiVersion",
      },
    ],
    says: "VolumeAttributesClass storage.k8s.io/v1beta1 is an off-by-default API (served only when the cluster enables it: --runtime-config=storage.k8s.io/v1beta1=true and its feature gate); the shipped schemas do not have it, so its fields are not checked; VolumeAttributesClass is served as storage.k8s.io/v1 from Kubernetes 1.34",
  },
  {
    name: "unknownKinds: error makes it an error, as kubeconform without -ignore-missing-schemas",
    files: { "v.yaml": vac("storage.k8s.io/v1beta1") },
    config: { checks: { schema: { unknownKinds: "error" } } },
    expected: [
      { ruleId: "schema/unknown-kind", file: "v.yaml", marker: "apiVersion" },
    ],
  },
  {
    name: "a v1beta1 ValidatingAdmissionPolicy and ServiceCIDR are notices",
    files: { "p.yaml": vap, "s.yaml": serviceCidr },
    expected: [
      {
        ruleId: "schema/unknown-kind",
        severity: "notice",
        file: "p.yaml",
        marker: "apiVersion",
      },
      {
        ruleId: "schema/unknown-kind",
        severity: "notice",
        file: "s.yaml",
        marker: "apiVersion",
      },
    ],
  },
  {
    name: "before the release that has it, it is still an error",
    files: { "v.yaml": vac("storage.k8s.io/v1beta1") },
    config: { checks: { schema: { kubernetesVersion: "1.27" } } },
    expected: [
      { ruleId: "schema/unknown-kind", file: "v.yaml", marker: "apiVersion" },
    ],
  },
  {
    name: "the GA version on 1.34 is checked against its schema",
    files: { "v.yaml": vac("storage.k8s.io/v1") },
    config: { checks: { schema: { kubernetesVersion: "1.34" } } },
    expected: [],
  },
  {
    name: "a made-up beta of a Kubernetes kind is still an error",
    files: {
      "d.yaml":
        "apiVersion: apps/v1beta3\nkind: Deployment\nmetadata:\n  name: d\n",
    },
    expected: [
      { ruleId: "schema/unknown-kind", file: "d.yaml", marker: "apiVersion" },
    ],
  },
];

describe("off-by-default APIs the shipped schemas lack", () => {
  it.each(CASES)("$name", async (c) => {
    const { findings, got, want } = await runCase(c);
    expect(got).toEqual(want);
    if (c.says) expect(findings[0]?.message).toBe(c.says);
  });
});
