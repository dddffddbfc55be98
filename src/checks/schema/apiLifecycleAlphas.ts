import type { ApiLifecycle } from "./apiLifecycle.js";

const FLOW = ["FlowSchema", "PriorityLevelConfiguration"];
const RBAC = ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"];
const DRA_V1ALPHA2 = [
  "PodSchedulingContext",
  "ResourceClaim",
  "ResourceClaimParameters",
  "ResourceClaimTemplate",
  "ResourceClass",
  "ResourceClassParameters",
  "ResourceSlice",
];

function alpha(
  apiVersion: string,
  kinds: readonly string[],
  removed: string,
  instead: { replacement: string } | { note: string },
): ApiLifecycle {
  return { apiVersion, kinds, removed, ...instead };
}

/**
 * Alpha API versions that Kubernetes stopped serving within the covered
 * releases (1.16 on). Alpha versions have no deprecation period, so only
 * the removal is known; after the release notes of each removal (and
 * pluto's `versions.yaml`, which carries the same dates).
 */
export const ALPHA_REMOVALS: readonly ApiLifecycle[] = [
  {
    ...alpha("scheduling.k8s.io/v1alpha1", ["PriorityClass"], "1.17", {
      replacement: "scheduling.k8s.io/v1",
    }),
    deprecated: "1.14",
  },
  alpha("auditregistration.k8s.io/v1alpha1", ["AuditSink"], "1.19", {
    note: "dynamic audit was removed: configure audit webhooks on the API server",
  }),
  alpha("settings.k8s.io/v1alpha1", ["PodPreset"], "1.20", {
    note: "PodPreset has no replacement: use a mutating admission webhook or a policy engine",
  }),
  alpha("batch/v2alpha1", ["CronJob"], "1.21", { replacement: "batch/v1" }),
  alpha("flowcontrol.apiserver.k8s.io/v1alpha1", FLOW, "1.21", {
    replacement: "flowcontrol.apiserver.k8s.io/v1 (v1beta3 before 1.29)",
  }),
  {
    ...alpha("rbac.authorization.k8s.io/v1alpha1", RBAC, "1.22", {
      replacement: "rbac.authorization.k8s.io/v1",
    }),
    deprecated: "1.17",
  },
  alpha("node.k8s.io/v1alpha1", ["RuntimeClass"], "1.22", {
    replacement: "node.k8s.io/v1",
  }),
  alpha("storage.k8s.io/v1alpha1", ["CSIStorageCapacity"], "1.24", {
    replacement: "storage.k8s.io/v1",
  }),
  alpha("networking.k8s.io/v1alpha1", ["ClusterCIDR"], "1.29", {
    note: "ClusterCIDR (MultiCIDRRangeAllocator) has no replacement",
  }),
  alpha("resource.k8s.io/v1alpha2", DRA_V1ALPHA2, "1.31", {
    replacement:
      "resource.k8s.io/v1 (1.34; v1beta1 from 1.32), with DeviceClass in place of ResourceClass",
  }),
];
