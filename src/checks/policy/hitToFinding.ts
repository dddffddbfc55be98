import type { Finding, Location, Severity } from "../../findings/finding.js";
import { resourceRef, type Resource } from "../../manifests/Resource.js";
import { maskSecretValues } from "./maskSecretValues.js";
import type { PolicyResult } from "./policyResult.js";

/** Where a finding about a policy result goes. */
export interface HitContext {
  /** The resource the result is about, when known. */
  resource?: Resource;
  /** Fallback location (the target) when no resource is known. */
  location: Location;
  target: string;
  environment?: string;
}

/**
 * A policy result as a finding: on the offending field's source line when
 * the result names a field the resource can locate, else on the resource's
 * document line.
 */
export function hitToFinding(
  ruleId: string,
  severity: Severity,
  result: PolicyResult,
  ctx: HitContext,
): Finding {
  const r = ctx.resource;
  const location = r ? locate(r, result) : ctx.location;
  const finding: Finding = {
    check: "policy",
    ruleId,
    severity,
    message: maskSecretValues(result.msg, r),
    location,
    target: ctx.target,
  };
  if (r) finding.resource = resourceRef(r);
  if (ctx.environment !== undefined) finding.environment = ctx.environment;
  return finding;
}

function locate(r: Resource, result: PolicyResult): Location {
  if (!result.field) return r.source;
  try {
    return r.locate(result.field);
  } catch {
    // A field path the source map cannot follow (a policy typo) still
    // deserves the finding, on the document line.
    return r.source;
  }
}

/**
 * The resource of a target a combined-mode result names (`resource: {kind,
 * name, namespace}`), when exactly one matches.
 */
export function findResource(
  resources: readonly Resource[],
  hint: PolicyResult["resource"],
): Resource | undefined {
  if (!hint || (hint.kind === undefined && hint.name === undefined))
    return undefined;
  const found = resources.filter(
    (r) =>
      (hint.kind === undefined || r.kind === hint.kind) &&
      (hint.name === undefined || r.name === hint.name) &&
      (hint.namespace === undefined || r.namespace === hint.namespace),
  );
  return found.length === 1 ? found[0] : undefined;
}
