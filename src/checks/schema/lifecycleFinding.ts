import type { Finding } from "../../findings/finding.js";
import type { Resource } from "../../manifests/Resource.js";
import type { ApiLifecycle, ApiStatus } from "./apiLifecycle.js";
import { formatKubeVersion, type KubeVersion } from "./kubeVersion.js";
import type { Report } from "./validateResource.js";

/** The Kubernetes deprecated API migration guide. */
export const DEPRECATION_GUIDE =
  "https://kubernetes.io/docs/reference/using-api/deprecation-guide/";

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
  const at = ["apiVersion"];
  let finding: Finding;
  switch (s.status) {
    case "removed":
      finding = report(
        "schema/removed-api",
        "error",
        `${what} was removed in Kubernetes ${e.removed} (target: ${on})${instead(e)}`,
        at,
      );
      break;
    case "unavailable":
      finding = report(
        "schema/unavailable-api",
        "error",
        `${what} is only served from Kubernetes ${e.introduced} (target: ${on})`,
        at,
      );
      break;
    case "deprecated": {
      const removal = e.removed ? ` and removed in ${e.removed}` : "";
      finding = report(
        "schema/deprecated-api",
        "warning",
        `${what} is deprecated since Kubernetes ${e.deprecated}${removal}${instead(e)}`,
        at,
      );
    }
  }
  return { ...finding, docsUrl: DEPRECATION_GUIDE };
}

function instead(e: ApiLifecycle): string {
  if (e.replacement) return `; use ${e.replacement}`;
  return e.note ? `; ${e.note}` : "";
}
