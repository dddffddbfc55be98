import { describe, expect, it } from "vitest";
import { apiStatus } from "./apiLifecycle.js";
import { parseKubeVersion } from "./kubeVersion.js";
import { runCase, type Case } from "./testCases.js";

const STATUS: [string, string, string, string][] = [
  ["batch/v2alpha1", "CronJob", "1.21", "removed"],
  ["batch/v2alpha1", "CronJob", "1.20", "served"],
  ["settings.k8s.io/v1alpha1", "PodPreset", "1.20", "removed"],
  ["settings.k8s.io/v1alpha1", "PodPreset", "1.19", "served"],
  ["rbac.authorization.k8s.io/v1alpha1", "Role", "1.22", "removed"],
  ["rbac.authorization.k8s.io/v1alpha1", "Role", "1.17", "deprecated"],
  ["scheduling.k8s.io/v1alpha1", "PriorityClass", "1.17", "removed"],
  ["node.k8s.io/v1alpha1", "RuntimeClass", "1.22", "removed"],
  ["storage.k8s.io/v1alpha1", "CSIStorageCapacity", "1.24", "removed"],
  ["resource.k8s.io/v1alpha2", "ResourceClass", "1.31", "removed"],
  ["resource.k8s.io/v1alpha2", "ResourceClass", "1.30", "served"],
];

describe("alpha API removals", () => {
  it.each(STATUS)("%s %s on %s is %s", (apiVersion, kind, on, status) => {
    const s = apiStatus(apiVersion, kind, parseKubeVersion(on));
    expect(s.status).toBe(status);
  });

  const podPreset =
    "apiVersion: settings.k8s.io/v1alpha1\nkind: PodPreset\n" +
    "metadata:\n  name: p\nspec:\n  selector: {}\n";
  const cronJob =
    "apiVersion: batch/v2alpha1\nkind: CronJob\nmetadata:\n  name: c\n" +
    'spec:\n  schedule: "* * * * *"\n';
  const cases: (Case & { says: string })[] = [
    {
      name: "a PodPreset on the default target",
      files: { "p.yaml": podPreset },
      expected: [
        {
          ruleId: "schema/removed-api",
          file: "p.yaml",
          marker: "apiVersion",
        },
      ],
      says: "settings.k8s.io/v1alpha1 PodPreset was removed in Kubernetes 1.20 (target: Kubernetes 1.33); PodPreset has no replacement",
    },
    {
      name: "a batch/v2alpha1 CronJob on 1.23",
      files: { "c.yaml": cronJob },
      config: { checks: { schema: { kubernetesVersion: "1.23" } } },
      expected: [
        { ruleId: "schema/removed-api", file: "c.yaml", marker: "apiVersion" },
      ],
      says: "removed in Kubernetes 1.21 (target: Kubernetes 1.23); use batch/v1",
    },
  ];
  it.each(cases)("$name is one removed-api finding", async (c) => {
    const { findings, got, want } = await runCase(c);
    expect(got).toEqual(want);
    expect(findings[0]?.message).toContain(c.says);
  });
});
