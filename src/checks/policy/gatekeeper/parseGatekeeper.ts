import type { Finding, Location } from "../../../findings/finding.js";
import { isObject } from "../../../manifests/toResources.js";
import type { RegoModuleSource } from "../engine.js";
import type { GatekeeperDocument } from "../loadPolicyFiles.js";
import { policyFinding } from "../policyFinding.js";
import type { ModuleSourceMap } from "../regoErrorFindings.js";
import { toExpansion, type ExpansionTemplate } from "./expansion.js";

/** A ConstraintTemplate's Rego, ready to compile. */
export interface ConstraintTemplate {
  name: string;
  /** The constraint kind it defines (`spec.crd.spec.names.kind`). */
  kind: string;
  /** The template's Rego first, then its `libs`. */
  modules: RegoModuleSource[];
  /** Package of the main module, queried as `data.<pkg>.violation`. */
  package: string;
  v0Compatible: boolean;
  /** True when the Rego reads `data.inventory` (referential policies). */
  usesInventory: boolean;
  location: Location;
  /** Maps module rows back to lines of the template YAML. */
  sourceMap: ModuleSourceMap;
}

/** A constraint: one use of a template. */
export interface Constraint {
  kind: string;
  name: string;
  match: Record<string, unknown>;
  parameters: unknown;
  /** `enforcementAction`, or the actions of a `scoped` constraint. */
  enforcementActions: string[];
  location: Location;
}

/** Templates, constraints and what could not be read. */
export interface GatekeeperPolicies {
  templates: ConstraintTemplate[];
  constraints: Constraint[];
  expansions: ExpansionTemplate[];
  problems: Finding[];
}

/**
 * Reads ConstraintTemplates (both `targets[].rego` + `libs` and the newer
 * `targets[].code[]` with `engine: Rego`) and constraints. Templates with
 * only CEL code are reported as not evaluated; they are skipped.
 */
export function parseGatekeeper(
  docs: readonly GatekeeperDocument[],
): GatekeeperPolicies {
  const out: GatekeeperPolicies = {
    templates: [],
    constraints: [],
    expansions: [],
    problems: [],
  };
  for (const { path, doc } of docs) {
    const v = doc.value as Record<string, unknown>;
    const location = doc.source;
    if (v["kind"] === "ConstraintTemplate") {
      const t = toTemplate(path, v, doc.locate, location);
      if (typeof t === "string") {
        out.problems.push(
          policyFinding("policy/template-load-failed", "error", t, location),
        );
      } else if (t) {
        out.templates.push(t);
      } else {
        out.problems.push(
          policyFinding(
            "policy/template-not-rego",
            "notice",
            `ConstraintTemplate ${name(v)} has no Rego code (CEL is not ` +
              "evaluated by the gate); its constraints are skipped",
            location,
          ),
        );
      }
    } else if (v["kind"] === "ExpansionTemplate") {
      const e = toExpansion(v);
      if (e) out.expansions.push(e);
      else out.problems.push(badExpansion(v, location));
    } else {
      out.constraints.push(toConstraint(v, location));
    }
  }
  return out;
}

interface RegoSource {
  rego: string;
  libs: string[];
  version?: string;
  at: (string | number)[];
}

function toTemplate(
  path: string,
  v: Record<string, unknown>,
  locate: (f: (string | number)[]) => Location,
  location: Location,
): ConstraintTemplate | string | undefined {
  const spec = obj(v["spec"]);
  const kind = obj(obj(obj(spec["crd"])["spec"])["names"])["kind"];
  if (typeof kind !== "string" || kind === "") {
    return `ConstraintTemplate ${name(v)} has no spec.crd.spec.names.kind`;
  }
  const src = regoSource(spec);
  if (!src) return undefined;
  const pkg = /^\s*package\s+([A-Za-z_][\w.]*)/m.exec(src.rego)?.[1];
  if (!pkg) return `ConstraintTemplate ${name(v)} Rego has no package`;
  // Gatekeeper refuses a template without a violation rule; without this
  // its constraints would pass everything.
  if (!/^violation\b/m.test(src.rego)) {
    return `ConstraintTemplate ${name(v)} Rego defines no violation rule`;
  }
  const modules = [src.rego, ...src.libs].map((source, i) => ({
    path: i === 0 ? `${path}#${name(v)}` : `${path}#${name(v)}/libs/${i - 1}`,
    source,
  }));
  const lines = modules.map(
    (_, i) =>
      locate(i === 0 ? [...src.at, "rego"] : [...src.at, "libs", i - 1]).line ??
      0,
  );
  const sourceMap: ModuleSourceMap = (p) => {
    const i = modules.findIndex((m) => m.path === p);
    // Block scalars start on the line after their key.
    return { path, lineOffset: i >= 0 ? lines[i]! : 0 };
  };
  const v0Compatible = src.version !== "v1";
  const usesInventory = modules.some((m) => m.source.includes("inventory"));
  return {
    name: name(v),
    kind,
    modules,
    package: pkg,
    v0Compatible,
    usesInventory,
    location,
    sourceMap,
  };
}

function regoSource(spec: Record<string, unknown>): RegoSource | undefined {
  const targets = Array.isArray(spec["targets"]) ? spec["targets"] : [];
  for (const [ti, t] of targets.entries()) {
    const target = obj(t);
    if (typeof target["rego"] === "string") {
      return {
        rego: target["rego"],
        libs: strings(target["libs"]),
        at: ["spec", "targets", ti],
      };
    }
    const code = Array.isArray(target["code"]) ? target["code"] : [];
    for (const [ci, c] of code.entries()) {
      const entry = obj(c);
      const source = obj(entry["source"]);
      if (entry["engine"] !== "Rego" || typeof source["rego"] !== "string")
        continue;
      const out: RegoSource = {
        rego: source["rego"],
        libs: strings(source["libs"]),
        at: ["spec", "targets", ti, "code", ci, "source"],
      };
      if (typeof source["version"] === "string")
        out.version = source["version"];
      return out;
    }
  }
  return undefined;
}

function toConstraint(
  v: Record<string, unknown>,
  location: Location,
): Constraint {
  const spec = obj(v["spec"]);
  return {
    kind: String(v["kind"]),
    name: name(v),
    match: obj(spec["match"]),
    parameters: spec["parameters"] ?? {},
    enforcementActions: actions(spec),
    location,
  };
}

function actions(spec: Record<string, unknown>): string[] {
  const action = spec["enforcementAction"];
  if (typeof action !== "string" || action === "") return ["deny"];
  if (action.toLowerCase() !== "scoped") return [action];
  const scoped = Array.isArray(spec["scopedEnforcementActions"])
    ? spec["scopedEnforcementActions"].map((a) => obj(a)["action"])
    : [];
  const list = scoped.filter((a): a is string => typeof a === "string");
  return list.length > 0 ? list : ["deny"];
}

function badExpansion(v: Record<string, unknown>, at: Location): Finding {
  return policyFinding(
    "policy/expansion-load-failed",
    "error",
    `ExpansionTemplate ${name(v)} needs spec.templateSource and ` +
      "spec.generatedGVK.kind",
    at,
  );
}

function name(v: Record<string, unknown>): string {
  const n = obj(v["metadata"])["name"];
  return typeof n === "string" ? n : "(unnamed)";
}

function obj(v: unknown): Record<string, unknown> {
  return isObject(v) ? v : {};
}

function strings(v: unknown): string[] {
  return Array.isArray(v)
    ? v.filter((s): s is string => typeof s === "string")
    : [];
}
