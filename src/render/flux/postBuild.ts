import { parse, stringify } from "yaml";
import type { Finding } from "../../findings/finding.js";
import type { Resource } from "../../manifests/Resource.js";
import { isObject } from "../../manifests/toResources.js";
import { OUTPUT_ALIAS_LIMIT } from "../parseRendered.js";
import type { RenderedTarget } from "../RenderTarget.js";
import { renderedResource } from "../renderedResource.js";
import { renderFinding } from "../renderFindings.js";
import { envsubst } from "./envsubst.js";
import type { FluxPlan } from "./planFlux.js";

const SUBSTITUTE = "kustomize.toolkit.fluxcd.io/substitute";
/** Flux refuses variable names outside this pattern. */
const VAR_NAME = /^[_a-zA-Z][_a-zA-Z0-9]*$/;

type KustomizationPlan = Extract<FluxPlan, { type: "kustomization" }>;

/**
 * Applies `postBuild` substitution to every built resource as Flux does:
 * on each resource's YAML, skipping those labelled or annotated
 * `kustomize.toolkit.fluxcd.io/substitute: disabled`, and not at all when
 * there are no variables. A parse error fails the target, as it fails
 * the Flux build.
 */
export function substituteAll(
  built: RenderedTarget,
  plan: KustomizationPlan,
): RenderedTarget {
  const vars = plan.vars ?? {};
  const keepUnknown = plan.varsIncomplete === true;
  if (Object.keys(vars).length === 0 && !keepUnknown) return built;
  const fail = (message: string) => ({
    ...built,
    ok: false,
    resources: [],
    findings: [...built.findings, onEntry(built, plan, message, "error")],
  });
  const bad = Object.keys(vars).filter((k) => !VAR_NAME.test(k));
  if (bad.length > 0)
    return fail(`postBuild variable names are invalid: ${bad.join(", ")}`);
  const missing = new Set<string>();
  const resources: Resource[] = [];
  for (const r of built.resources) {
    try {
      resources.push(substituteOne(r, vars, keepUnknown, missing));
    } catch (cause) {
      return fail(
        `postBuild substitution failed in ${describe(r)}: ${String((cause as Error).message)}`,
      );
    }
  }
  const findings: Finding[] = [...built.findings];
  if (missing.size > 0) {
    findings.push(
      onEntry(
        built,
        plan,
        `postBuild variables without a value were replaced by empty strings: ${[...missing].sort().join(", ")}`,
        "notice",
      ),
    );
  }
  return { ...built, resources, findings };
}

function substituteOne(
  r: Resource,
  vars: Record<string, string>,
  keepUnknown: boolean,
  missing: Set<string>,
): Resource {
  if (substitutionDisabled(r)) return r;
  // No folding: a `${...}` must stay on one line, as in kustomize's output.
  const text = stringify(r.object, { lineWidth: 0 });
  const out = envsubst(text, vars, { keepUnknown });
  if (out.text === text) return r;
  out.missing.forEach((m) => missing.add(m));
  const object: unknown = parse(out.text, {
    maxAliasCount: OUTPUT_ALIAS_LIMIT,
  });
  if (!isObject(object) || !isObject(object["metadata"])) {
    throw new Error("the substituted YAML is not an object");
  }
  return renderedResource(object, r.locate);
}

function onEntry(
  built: RenderedTarget,
  plan: KustomizationPlan,
  message: string,
  severity: Finding["severity"],
): Finding {
  return renderFinding(
    built.target,
    severity === "error"
      ? "render/substitute-failed"
      : "render/substitute-missing",
    message,
    severity,
    plan.entry.path,
    plan.entry.line,
  );
}

function describe(r: Resource): string {
  const meta = isObject(r.object["metadata"]) ? r.object["metadata"] : {};
  return `${String(r.object["kind"])}/${String(meta["name"])}`;
}

function substitutionDisabled(r: Resource): boolean {
  const meta = r.object["metadata"];
  if (!isObject(meta)) return false;
  const ann = isObject(meta["annotations"])
    ? meta["annotations"][SUBSTITUTE]
    : undefined;
  const lab = isObject(meta["labels"]) ? meta["labels"][SUBSTITUTE] : undefined;
  return ann === "disabled" || lab === "disabled";
}
