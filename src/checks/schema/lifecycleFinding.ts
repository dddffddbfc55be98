import type { Finding } from "../../findings/finding.js";
import type { Resource } from "../../manifests/Resource.js";
import type { ApiStatus } from "./apiLifecycle.js";
import { formatKubeVersion, type KubeVersion } from "./kubeVersion.js";
import type { Report } from "./validateResource.js";

/**
 * The finding an apiVersion's lifecycle gives on the target version:
 * removed or not yet available is an error (the API server would reject
 * the object), deprecated is a warning; both name the replacement.
 */
export function lifecycleFinding(
  s: ApiStatus,
  r: Resource,
  target: KubeVersion,
  report: Report,
): Finding | undefined {
  if (s.status === "served") return undefined;
  const what = `${r.apiVersion} ${r.kind}`;
  const on = `Kubernetes ${formatKubeVersion(target)}`;
  const e = s.entry;
  const instead = e.replacement
    ? `; use ${e.replacement}`
    : e.note
      ? `; ${e.note}`
      : "";
  switch (s.status) {
    case "removed":
      return report(
        "schema/removed-api",
        "error",
        `${what} was removed in Kubernetes ${e.removed} (target: ${on})${instead}`,
        ["apiVersion"],
      );
    case "unavailable":
      return report(
        "schema/unavailable-api",
        "error",
        `${what} is only served from Kubernetes ${e.introduced} (target: ${on})`,
        ["apiVersion"],
      );
    case "deprecated": {
      const removal = e.removed ? ` and removed in ${e.removed}` : "";
      return report(
        "schema/deprecated-api",
        "warning",
        `${what} is deprecated since Kubernetes ${e.deprecated}${removal}${instead}`,
        ["apiVersion"],
      );
    }
  }
}
