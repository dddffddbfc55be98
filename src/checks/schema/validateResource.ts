import type { ValidateFunction } from "ajv";
import type { Finding, Severity } from "../../findings/finding.js";
import type { FieldPath, Resource } from "../../manifests/Resource.js";
import { resourceRef } from "../../manifests/Resource.js";
import { apiStatus } from "./apiLifecycle.js";
import type { BuiltinSchemas } from "./builtinSchemas.js";
import type { CrdSchemas } from "./CrdSchemas.js";
import type { CrdVersion } from "./crdVersions.js";
import type { KubeVersion } from "./kubeVersion.js";
import { lifecycleFinding } from "./lifecycleFinding.js";
import { missingSchema } from "./missingSchema.js";
import { pruneNulls } from "./pruneNulls.js";
import { schemaProblems } from "./schemaProblems.js";
import { withYaml11Hint } from "./yaml11Hint.js";
import {
  aboutUnresolvedValue,
  withoutSopsMetadata,
} from "./unresolvedValues.js";

/** What validating one resource needs. */
export interface SchemaContext {
  builtin: BuiltinSchemas;
  crds: CrdSchemas;
  target: KubeVersion;
  unknownKinds: Severity;
}

/** A finding of this check about `r`, pointing at `at`. */
export type Report = (
  ruleId: string,
  severity: Severity,
  message: string,
  at: FieldPath,
) => Finding;

/**
 * Validates one resource: its apiVersion against the target Kubernetes
 * version, then its fields against the strict schema of its kind (a CRD of
 * the repository first, then the shipped schemas).
 */
export async function validateResource(
  r: Resource,
  ctx: SchemaContext,
): Promise<Finding[]> {
  const report = reporter(r);
  const status = apiStatus(r.apiVersion, r.kind, ctx.target);
  const lifecycle = lifecycleFinding(status, r, ctx.target, report);
  if (lifecycle?.severity === "error") return [lifecycle];
  const found = await schemaFor(r, ctx, report);
  if (!("validate" in found)) return [lifecycle, found.finding].filter(isSome);
  const out = [lifecycle, found.notice].filter(isSome);
  return [...out, ...check(r, found.validate, report)];
}

type Found =
  { validate: ValidateFunction; notice?: Finding } | { finding?: Finding };

async function schemaFor(
  r: Resource,
  ctx: SchemaContext,
  report: Report,
): Promise<Found> {
  if (await ctx.builtin.isCore(r.apiVersion, r.kind)) {
    return builtinSchema(r, ctx, report);
  }
  const v = ctx.crds.version(r.apiVersion, r.kind);
  if (v) return crdSchema(r, v, ctx.crds, report);
  if (ctx.crds.hasKind(r.apiVersion, r.kind)) {
    const known = ctx.crds.versionsOf(r.apiVersion, r.kind).join(", ");
    const message = `the CRD of ${r.kind} in the repository declares ${known}, not ${r.apiVersion}`;
    const at = ["apiVersion"];
    return { finding: report("schema/unknown-kind", "error", message, at) };
  }
  return builtinSchema(r, ctx, report);
}

function crdSchema(
  r: Resource,
  v: CrdVersion,
  crds: CrdSchemas,
  report: Report,
): Found {
  const what = `${r.apiVersion} ${r.kind}`;
  const where = `${v.source.path}:${v.source.line ?? 1}`;
  if (!v.served) {
    const message = `${what} is not served by its CRD (${where})`;
    return {
      finding: report("schema/removed-api", "error", message, ["apiVersion"]),
    };
  }
  const validate = compiled(crds, v, report);
  if (!validate || "ruleId" in validate) return { finding: validate };
  if (!v.deprecated) return { validate };
  const message =
    v.deprecationWarning ?? `${what} is deprecated by its CRD (${where})`;
  const notice = report("schema/deprecated-api", "warning", message, [
    "apiVersion",
  ]);
  return { validate, notice };
}

async function builtinSchema(
  r: Resource,
  ctx: SchemaContext,
  report: Report,
): Promise<Found> {
  const validate = await ctx.builtin.validator(
    r.apiVersion,
    r.kind,
    ctx.target,
  );
  if (validate) return { validate };
  return { finding: await missingSchema(r, ctx, report) };
}

function compiled(
  crds: CrdSchemas,
  v: CrdVersion,
  report: Report,
): ValidateFunction | Finding | undefined {
  try {
    return crds.validator(v);
  } catch (e) {
    const why =
      e instanceof Error && e.cause instanceof Error
        ? `: ${e.cause.message}`
        : "";
    return report(
      "schema/invalid-crd",
      "error",
      `${(e as Error).message}${why}`,
      ["apiVersion"],
    );
  }
}

function check(
  r: Resource,
  validate: ValidateFunction,
  report: Report,
): Finding[] {
  const object = withoutSopsMetadata(r.object);
  if (validate(pruneNulls(object))) return [];
  const errors = (validate.errors ?? []).filter(
    (e) => !aboutUnresolvedValue(e),
  );
  return schemaProblems(errors, object)
    .map((p) => withYaml11Hint(p, r.yaml11))
    .map((p) => report(p.ruleId, "error", p.message, p.at))
    .sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
}

function reporter(r: Resource): Report {
  const ref = resourceRef(r);
  return (ruleId, severity, message, at) => ({
    check: "schema",
    ruleId,
    severity,
    message,
    location: r.locate(at),
    resource: ref,
  });
}

function isSome<T>(v: T | undefined): v is T {
  return v !== undefined;
}
