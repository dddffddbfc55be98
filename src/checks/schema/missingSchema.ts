import type { Finding } from "../../findings/finding.js";
import type { Resource } from "../../manifests/Resource.js";
import { apiStatus } from "./apiLifecycle.js";
import { formatKubeVersion } from "./kubeVersion.js";
import { offByDefault, type OffByDefaultApi } from "./offByDefault.js";
import { suggestName } from "./schemaHints.js";
import type { Report, SchemaContext } from "./validateResource.js";

/**
 * The finding for a resource no schema describes. In Kubernetes' own
 * groups it is an error (no CRD can serve a kind or version there), with
 * the apiVersions the target serves or the kind it most likely means;
 * elsewhere a `checks.schema.unknownKinds` finding (a CRD we do not know),
 * as for an off-by-default alpha or beta API that the shipped schemas
 * lack (kubeconform `-ignore-missing-schemas`, not a rejection).
 */
export async function missingSchema(
  r: Resource,
  ctx: SchemaContext,
  report: Report,
): Promise<Finding> {
  const { apiVersion, kind } = r;
  const off = offByDefault(apiVersion, kind, ctx.target);
  if (off) {
    const message = offByDefaultMessage(r, off);
    return report("schema/unknown-kind", ctx.unknownKinds, message, []);
  }
  const others = await ctx.builtin.otherVersions(apiVersion, kind);
  const served = (versions: string[]) => servedAt(versions, kind, ctx);
  if (others.core) {
    const message = `${kind} is not served as ${apiVersion} by the shipped Kubernetes schemas; use ${served(others.apiVersions)}`;
    return report("schema/unknown-kind", "error", message, ["apiVersion"]);
  }
  const elsewhere = served(others.elsewhere);
  const groupKinds = await ctx.builtin.coreGroupKinds(apiVersion);
  if (groupKinds && others.apiVersions.length === 0) {
    const hint = suggestName(kind, groupKinds);
    const message =
      `Kubernetes serves no kind ${kind} in ${groupName(apiVersion)}` +
      (hint ? ` (did you mean ${hint}?)` : "") +
      (!hint && elsewhere ? `; ${kind} is served as ${elsewhere}` : "");
    const at = hint ? ["kind"] : ["apiVersion"];
    return report("schema/unknown-kind", "error", message, at);
  }
  const list = others.apiVersions.join(", ");
  const known = list
    ? `; the shipped schemas know ${list}`
    : elsewhere && `; did you mean ${elsewhere}?`;
  const message =
    `no schema for ${kind} ${apiVersion} (Kubernetes ` +
    `${formatKubeVersion(ctx.target)}, shipped CRDs, or a CRD in the ` +
    `repository): its fields are not checked${known}`;
  return report("schema/unknown-kind", ctx.unknownKinds, message, []);
}

/** The versions the target still serves (all of them if none is). */
function servedAt(versions: string[], kind: string, ctx: SchemaContext) {
  const ok = versions.filter(
    (v) => apiStatus(v, kind, ctx.target).status === "served",
  );
  return (ok.length > 0 ? ok : versions).join(", ");
}

/** `apps` of `apps/v1`; the core group of `v1`. */
function groupName(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf("/");
  return slash < 0 ? "the core group" : apiVersion.slice(0, slash);
}

function offByDefaultMessage(r: Resource, off: OffByDefaultApi): string {
  const ga = off.ga
    ? `; ${r.kind} is served as ${off.ga.apiVersion} from Kubernetes ${off.ga.since}`
    : "";
  return (
    `${r.kind} ${r.apiVersion} is an off-by-default API (served only when ` +
    `the cluster enables it: --runtime-config=${r.apiVersion}=true and its feature ` +
    `gate); the shipped schemas do not have it, so its fields are not ` +
    `checked${ga}`
  );
}
