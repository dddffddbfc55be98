import type { ApiLifecycle } from "./apiLifecycle.js";
import { ALPHA_REMOVALS } from "./apiLifecycleAlphas.js";

const WORKLOADS = ["DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"];
const RBAC = ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"];
const FLOW = ["FlowSchema", "PriorityLevelConfiguration"];
const HPA = ["HorizontalPodAutoscaler"];
const WEBHOOKS = [
  "MutatingWebhookConfiguration",
  "ValidatingWebhookConfiguration",
];
const REVIEWS = [
  "LocalSubjectAccessReview",
  "SelfSubjectAccessReview",
  "SelfSubjectRulesReview",
  "SubjectAccessReview",
];
const STORAGE = ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"];

function gone(
  apiVersion: string,
  kinds: readonly string[],
  deprecated: string,
  removed: string,
  replacement?: string,
): ApiLifecycle {
  const entry: ApiLifecycle = { apiVersion, kinds, deprecated, removed };
  if (replacement !== undefined) entry.replacement = replacement;
  return entry;
}

function since(
  apiVersion: string,
  kinds: readonly string[],
  introduced: string,
): ApiLifecycle {
  return { apiVersion, kinds, introduced };
}

/**
 * Built-in API versions that come and go, after the Kubernetes deprecated
 * API migration guide (the data kubepug and pluto use), and the alpha
 * versions removed since 1.16 (`ALPHA_REMOVALS`).
 */
export const API_LIFECYCLES: readonly ApiLifecycle[] = [
  ...ALPHA_REMOVALS,
  gone(
    "extensions/v1beta1",
    ["DaemonSet", "Deployment", "ReplicaSet"],
    "1.9",
    "1.16",
    "apps/v1",
  ),
  gone(
    "extensions/v1beta1",
    ["NetworkPolicy"],
    "1.9",
    "1.16",
    "networking.k8s.io/v1",
  ),
  gone(
    "extensions/v1beta1",
    ["PodSecurityPolicy"],
    "1.11",
    "1.16",
    "policy/v1beta1",
  ),
  gone(
    "apps/v1beta1",
    [...WORKLOADS, "ControllerRevision"],
    "1.9",
    "1.16",
    "apps/v1",
  ),
  gone(
    "apps/v1beta2",
    [...WORKLOADS, "ControllerRevision"],
    "1.9",
    "1.16",
    "apps/v1",
  ),
  gone(
    "extensions/v1beta1",
    ["Ingress"],
    "1.14",
    "1.22",
    "networking.k8s.io/v1",
  ),
  gone(
    "networking.k8s.io/v1beta1",
    ["Ingress", "IngressClass"],
    "1.19",
    "1.22",
    "networking.k8s.io/v1",
  ),
  gone(
    "admissionregistration.k8s.io/v1beta1",
    WEBHOOKS,
    "1.16",
    "1.22",
    "admissionregistration.k8s.io/v1",
  ),
  gone(
    "apiextensions.k8s.io/v1beta1",
    ["CustomResourceDefinition"],
    "1.16",
    "1.22",
    "apiextensions.k8s.io/v1",
  ),
  gone(
    "apiregistration.k8s.io/v1beta1",
    ["APIService"],
    "1.19",
    "1.22",
    "apiregistration.k8s.io/v1",
  ),
  gone(
    "authentication.k8s.io/v1beta1",
    ["TokenReview"],
    "1.19",
    "1.22",
    "authentication.k8s.io/v1",
  ),
  gone(
    "authorization.k8s.io/v1beta1",
    REVIEWS,
    "1.19",
    "1.22",
    "authorization.k8s.io/v1",
  ),
  gone(
    "certificates.k8s.io/v1beta1",
    ["CertificateSigningRequest"],
    "1.19",
    "1.22",
    "certificates.k8s.io/v1",
  ),
  gone(
    "coordination.k8s.io/v1beta1",
    ["Lease"],
    "1.19",
    "1.22",
    "coordination.k8s.io/v1",
  ),
  gone(
    "rbac.authorization.k8s.io/v1beta1",
    RBAC,
    "1.17",
    "1.22",
    "rbac.authorization.k8s.io/v1",
  ),
  gone(
    "scheduling.k8s.io/v1beta1",
    ["PriorityClass"],
    "1.14",
    "1.22",
    "scheduling.k8s.io/v1",
  ),
  gone("storage.k8s.io/v1beta1", STORAGE, "1.19", "1.22", "storage.k8s.io/v1"),
  gone("batch/v1beta1", ["CronJob"], "1.21", "1.25", "batch/v1"),
  gone(
    "discovery.k8s.io/v1beta1",
    ["EndpointSlice"],
    "1.21",
    "1.25",
    "discovery.k8s.io/v1",
  ),
  gone("events.k8s.io/v1beta1", ["Event"], "1.19", "1.25", "events.k8s.io/v1"),
  gone("autoscaling/v2beta1", HPA, "1.22", "1.25", "autoscaling/v2"),
  gone("policy/v1beta1", ["PodDisruptionBudget"], "1.21", "1.25", "policy/v1"),
  {
    ...gone("policy/v1beta1", ["PodSecurityPolicy"], "1.21", "1.25"),
    note: "use Pod Security Admission (namespace labels) or a policy engine",
  },
  gone(
    "node.k8s.io/v1beta1",
    ["RuntimeClass"],
    "1.20",
    "1.25",
    "node.k8s.io/v1",
  ),
  gone(
    "flowcontrol.apiserver.k8s.io/v1beta1",
    FLOW,
    "1.23",
    "1.26",
    "flowcontrol.apiserver.k8s.io/v1",
  ),
  gone("autoscaling/v2beta2", HPA, "1.23", "1.26", "autoscaling/v2"),
  gone(
    "storage.k8s.io/v1beta1",
    ["CSIStorageCapacity"],
    "1.24",
    "1.27",
    "storage.k8s.io/v1",
  ),
  gone(
    "flowcontrol.apiserver.k8s.io/v1beta2",
    FLOW,
    "1.26",
    "1.29",
    "flowcontrol.apiserver.k8s.io/v1",
  ),
  gone(
    "flowcontrol.apiserver.k8s.io/v1beta3",
    FLOW,
    "1.29",
    "1.32",
    "flowcontrol.apiserver.k8s.io/v1",
  ),
  {
    apiVersion: "v1",
    kinds: ["Endpoints"],
    deprecated: "1.33",
    replacement: "discovery.k8s.io/v1 EndpointSlice",
  },
  { apiVersion: "v1", kinds: ["ComponentStatus"], deprecated: "1.19" },
  since("networking.k8s.io/v1", ["Ingress", "IngressClass"], "1.19"),
  since("events.k8s.io/v1", ["Event"], "1.19"),
  since("node.k8s.io/v1", ["RuntimeClass"], "1.20"),
  since("batch/v1", ["CronJob"], "1.21"),
  since("policy/v1", ["PodDisruptionBudget"], "1.21"),
  since("discovery.k8s.io/v1", ["EndpointSlice"], "1.21"),
  since("autoscaling/v2", HPA, "1.23"),
  since("storage.k8s.io/v1", ["CSIStorageCapacity"], "1.24"),
  since("flowcontrol.apiserver.k8s.io/v1beta3", FLOW, "1.26"),
  since("flowcontrol.apiserver.k8s.io/v1", FLOW, "1.29"),
  since(
    "admissionregistration.k8s.io/v1",
    ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"],
    "1.30",
  ),
  since("networking.k8s.io/v1", ["IPAddress", "ServiceCIDR"], "1.33"),
  since(
    "resource.k8s.io/v1",
    ["DeviceClass", "ResourceClaim", "ResourceClaimTemplate", "ResourceSlice"],
    "1.34",
  ),
  since("storage.k8s.io/v1", ["VolumeAttributesClass"], "1.34"),
];
