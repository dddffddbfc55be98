import {
  compareKubeVersion,
  parseKubeVersion,
  type KubeVersion,
} from "./kubeVersion.js";

/** A pre-release API version that Kubernetes serves only when enabled. */
export interface OffByDefaultApi {
  apiVersion: string;
  kinds: readonly string[];
  /** First release that can serve it. */
  from: string;
  /** The GA apiVersion of the kinds, and the release it came in. */
  ga?: { apiVersion: string; since: string };
}

const VAP = ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"];
const MAP = ["MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding"];
const DRA = [
  "DeviceClass",
  "ResourceClaim",
  "ResourceClaimTemplate",
  "ResourceSlice",
];
const VAC = ["VolumeAttributesClass"];
const ga = (apiVersion: string, since: string) => ({ apiVersion, since });

/**
 * Alpha and beta APIs that are off by default (`--runtime-config` and a
 * feature gate turn them on). `kubernetes-models` builds from the API
 * server's default OpenAPI document, so the shipped schemas lack them
 * (checked for kubernetes-models@5.1.0, Kubernetes 1.34).
 */
export const OFF_BY_DEFAULT: readonly OffByDefaultApi[] = [
  {
    apiVersion: "admissionregistration.k8s.io/v1alpha1",
    kinds: VAP,
    from: "1.26",
    ga: ga("admissionregistration.k8s.io/v1", "1.30"),
  },
  {
    apiVersion: "admissionregistration.k8s.io/v1beta1",
    kinds: VAP,
    from: "1.28",
    ga: ga("admissionregistration.k8s.io/v1", "1.30"),
  },
  {
    apiVersion: "admissionregistration.k8s.io/v1alpha1",
    kinds: MAP,
    from: "1.32",
  },
  {
    apiVersion: "admissionregistration.k8s.io/v1beta1",
    kinds: MAP,
    from: "1.34",
  },
  {
    apiVersion: "networking.k8s.io/v1alpha1",
    kinds: ["IPAddress", "ServiceCIDR"],
    from: "1.27",
    ga: ga("networking.k8s.io/v1", "1.33"),
  },
  {
    apiVersion: "networking.k8s.io/v1beta1",
    kinds: ["IPAddress", "ServiceCIDR"],
    from: "1.31",
    ga: ga("networking.k8s.io/v1", "1.33"),
  },
  {
    apiVersion: "storage.k8s.io/v1alpha1",
    kinds: VAC,
    from: "1.29",
    ga: ga("storage.k8s.io/v1", "1.34"),
  },
  {
    apiVersion: "storage.k8s.io/v1beta1",
    kinds: VAC,
    from: "1.31",
    ga: ga("storage.k8s.io/v1", "1.34"),
  },
  ...["v1alpha3", "v1beta1", "v1beta2"].map((v, i) => ({
    apiVersion: `resource.k8s.io/${v}`,
    kinds: DRA,
    from: `1.${31 + i}`,
    ga: ga("resource.k8s.io/v1", "1.34"),
  })),
  {
    apiVersion: "resource.k8s.io/v1alpha2",
    kinds: ["ResourceClaim", "ResourceClaimTemplate", "ResourceClass"],
    from: "1.27",
  },
  ...["v1alpha1", "v1alpha2", "v1beta1"].map((v, i) => ({
    apiVersion: `coordination.k8s.io/${v}`,
    kinds: ["LeaseCandidate"],
    from: `1.${31 + i}`,
  })),
  ...[
    ["v1alpha1", "1.27"],
    ["v1beta1", "1.33"],
  ].map(([v, from]) => ({
    apiVersion: `certificates.k8s.io/${v}`,
    kinds: ["ClusterTrustBundle"],
    from: from ?? "",
  })),
  {
    apiVersion: "authentication.k8s.io/v1alpha1",
    kinds: ["SelfSubjectReview"],
    from: "1.26",
    ga: ga("authentication.k8s.io/v1", "1.28"),
  },
  {
    apiVersion: "storagemigration.k8s.io/v1alpha1",
    kinds: ["StorageVersionMigration"],
    from: "1.30",
  },
  {
    apiVersion: "internal.apiserver.k8s.io/v1alpha1",
    kinds: ["StorageVersion"],
    from: "1.20",
  },
];

/**
 * The off-by-default API `apiVersion` + `kind` is on the target, if it
 * is one (and the target is recent enough to have it).
 * @example offByDefault("storage.k8s.io/v1beta1", "VolumeAttributesClass",
 *   { major: 1, minor: 33 }) // { from: "1.31", ga: { ... "1.34" } }
 */
export function offByDefault(
  apiVersion: string,
  kind: string,
  target: KubeVersion,
): OffByDefaultApi | undefined {
  return OFF_BY_DEFAULT.find(
    (e) =>
      e.apiVersion === apiVersion &&
      e.kinds.includes(kind) &&
      compareKubeVersion(target, parseKubeVersion(e.from)) >= 0,
  );
}
