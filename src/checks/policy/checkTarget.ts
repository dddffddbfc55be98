import type { Config } from "../../config/schema.js";
import type { Finding } from "../../findings/finding.js";
import type { Resource } from "../../manifests/Resource.js";
import { isObject } from "../../manifests/toResources.js";
import type { RenderedTarget } from "../../render/RenderTarget.js";
import type { BuiltinPack } from "./builtinPack.js";
import { combinedInput } from "./combinedInput.js";
import type { ConftestHit, ConftestPolicies } from "./conftestPolicies.js";
import type { EvalGuard } from "./evalGuard.js";
import type {
  GatekeeperEvaluator,
  GatekeeperSubject,
} from "./gatekeeper/gatekeeperPolicies.js";
import { inventory } from "./gatekeeper/reviewInput.js";
import { findResource, hitToFinding, type HitContext } from "./hitToFinding.js";
import { ruleSeverity } from "./ruleSeverity.js";

/** The compiled policies of one run. */
export interface PreparedPolicies {
  conftest?: ConftestPolicies;
  gatekeeper?: GatekeeperEvaluator;
  pack?: BuiltinPack;
}

/** What evaluating one target needs besides the policies. */
export interface TargetContext {
  config: Config["checks"]["policy"];
  environmentOf(path: string): string | undefined;
  guard: EvalGuard;
  signal?: AbortSignal;
}

/** Data shared by the evaluations of one target's resources. */
interface TargetData {
  subjects: GatekeeperSubject[];
  gatekeeper: unknown;
  pack: unknown;
}

/** Runs every prepared policy over the resources of one render target. */
export function checkTarget(
  rendered: RenderedTarget,
  policies: PreparedPolicies,
  ctx: TargetContext,
): Finding[] {
  const subjects = subjectsOf(rendered.resources);
  const data: TargetData = {
    subjects,
    gatekeeper: { inventory: inventory(subjects) },
    pack: packDataOf(ctx.config, rendered.resources),
  };
  const findings = rendered.resources.flatMap((r, i) => {
    ctx.signal?.throwIfAborted();
    return checkResource(rendered, r, i, policies, data, ctx);
  });
  if (policies.conftest && ctx.config.combined) {
    findings.push(...combined(rendered, policies.conftest, ctx));
  }
  return findings;
}

function checkResource(
  rendered: RenderedTarget,
  r: Resource,
  i: number,
  policies: PreparedPolicies,
  data: TargetData,
  ctx: TargetContext,
): Finding[] {
  const { guard, config } = ctx;
  const hit = hitContext(rendered, r, ctx);
  const out: Finding[] = [];
  if (policies.conftest && !config.combined) {
    for (const h of policies.conftest.evaluate(
      r.object,
      guard,
      config.limits,
    )) {
      out.push(hitToFinding(conftestId(h), h.severity, h.result, hit));
    }
  }
  const subject = data.subjects[i]!;
  const gk = policies.gatekeeper?.evaluate(
    subject,
    data.gatekeeper,
    guard,
    config.limits,
  );
  for (const h of gk ?? []) {
    const id = `${h.constraint.kind}/${h.constraint.name}`;
    out.push(hitToFinding(id, h.severity, h.result, hit));
  }
  const pack = policies.pack?.evaluate(
    r.object,
    data.pack,
    guard,
    config.limits,
  );
  for (const h of pack ?? []) {
    const severity = ruleSeverity(
      h.rule,
      config.builtin.rules,
      hit.environment,
    );
    if (severity) out.push(hitToFinding(h.rule.id, severity, h.result, hit));
  }
  return out;
}

/** A conftest result's rule id: its own `id`, else `namespace.rule`. */
function conftestId(h: ConftestHit): string {
  return h.result.id ?? `${h.rule.namespace}.${h.rule.name}`;
}

/** Gatekeeper subjects, with the labels of their Namespace when known. */
function subjectsOf(resources: readonly Resource[]): GatekeeperSubject[] {
  const nsLabels = namespaceLabels(resources);
  return resources.map((r) => {
    const s = subjectOf(r);
    const labels = nsLabels.get(r.namespace ?? "");
    if (labels) s.namespaceLabels = labels;
    return s;
  });
}

/** conftest `--combine`: one input holding every resource of the target. */
function combined(
  rendered: RenderedTarget,
  conftest: ConftestPolicies,
  ctx: TargetContext,
): Finding[] {
  const input = combinedInput(rendered.resources);
  return conftest.evaluate(input, ctx.guard, ctx.config.limits).map((h) => {
    const r = findResource(rendered.resources, h.result.resource);
    const hit: HitContext = r
      ? hitContext(rendered, r, ctx)
      : {
          location: { path: rendered.target.path },
          target: rendered.target.id,
        };
    if (!r && rendered.target.environment !== undefined)
      hit.environment = rendered.target.environment;
    return hitToFinding(conftestId(h), h.severity, h.result, hit);
  });
}

function hitContext(
  rendered: RenderedTarget,
  r: Resource,
  ctx: TargetContext,
): HitContext {
  const hit: HitContext = {
    resource: r,
    location: r.source,
    target: rendered.target.id,
  };
  const env = rendered.target.environment ?? ctx.environmentOf(r.source.path);
  if (env !== undefined) hit.environment = env;
  return hit;
}

function subjectOf(r: Resource): GatekeeperSubject {
  const s: GatekeeperSubject = {
    apiVersion: r.apiVersion,
    kind: r.kind,
    name: r.name,
    object: r.object,
    labels: labelsOf(r.object),
  };
  if (r.namespace !== undefined) s.namespace = r.namespace;
  return s;
}

function labelsOf(o: Record<string, unknown>): Record<string, string> {
  const md = o["metadata"];
  const labels = isObject(md) && isObject(md["labels"]) ? md["labels"] : {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels))
    if (typeof v === "string") out[k] = v;
  return out;
}

function namespaceLabels(
  resources: readonly Resource[],
): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const r of resources) {
    if (r.kind === "Namespace" && r.apiVersion === "v1")
      out.set(r.name, labelsOf(r.object));
  }
  return out;
}

/** `data.gitopsgate` for the pack: config params and the target's roles. */
function packDataOf(
  config: TargetContext["config"],
  resources: readonly Resource[],
) {
  const roles = resources
    .filter(
      (r) =>
        (r.kind === "Role" || r.kind === "ClusterRole") &&
        r.apiVersion.startsWith("rbac.authorization.k8s.io/"),
    )
    .map((r) => ({
      kind: r.kind,
      name: r.name,
      namespace: r.namespace ?? "",
      rules: r.object["rules"] ?? [],
    }));
  return {
    gitopsgate: {
      params: {
        allowedRegistries: config.builtin.allowedRegistries,
        multiTenant: config.multiTenant,
      },
      target: { roles },
    },
  };
}
