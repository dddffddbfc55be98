import type { Finding, Location, Severity } from "../../../findings/finding.js";
import type { CompilePolicies, PreparedPolicyQuery } from "../engine.js";
import { asList, firstValue } from "../engine.js";
import type { EvalGuard } from "../evalGuard.js";
import { policyFinding } from "../policyFinding.js";
import { toPolicyResult, type PolicyResult } from "../policyResult.js";
import {
  regoErrorFindings,
  type ModuleSourceMap,
} from "../regoErrorFindings.js";
import { expand, type ExpansionTemplate } from "./expansion.js";
import { matchConstraint, type MatchSubject } from "./matchConstraint.js";
import type { Constraint, GatekeeperPolicies } from "./parseGatekeeper.js";
import {
  actionSeverity,
  reviewInput,
  type ReviewObject,
} from "./reviewInput.js";

const NO_DATA = {};

/** One violation of one constraint. */
export interface GatekeeperHit {
  constraint: Constraint;
  severity: Severity;
  result: PolicyResult;
}

/** An object to review, with what matching needs. */
export type GatekeeperSubject = ReviewObject & MatchSubject;

/** Compiled templates and their constraints. */
export interface GatekeeperEvaluator {
  evaluate(
    subject: GatekeeperSubject,
    data: unknown,
    guard: EvalGuard,
    limits: { timeoutMs: number; maxSteps: number },
  ): GatekeeperHit[];
}

interface Bound {
  constraint: Constraint;
  query: PreparedPolicyQuery;
  template: string;
  usesInventory: boolean;
  sourceMap: ModuleSourceMap;
  location: Location;
}

/**
 * Compiles each ConstraintTemplate once (its Rego plus libs, v0 syntax
 * unless the template says v1) and binds every constraint to its
 * template's `violation` query. A template that does not compile and a
 * constraint without a template are error findings (fail closed).
 */
export function prepareGatekeeper(
  compile: CompilePolicies,
  policies: GatekeeperPolicies,
): { evaluator: GatekeeperEvaluator; problems: Finding[] } {
  const problems = [...policies.problems];
  const queries = new Map<
    string,
    {
      query: PreparedPolicyQuery;
      name: string;
      usesInventory: boolean;
      sourceMap: ModuleSourceMap;
    }
  >();
  for (const t of policies.templates) {
    try {
      const compiled = compile(t.modules, { v0Compatible: t.v0Compatible });
      const query = compiled.prepare(`data.${t.package}.violation`);
      const { usesInventory } = t;
      queries.set(t.kind, {
        query,
        name: t.name,
        usesInventory,
        sourceMap: t.sourceMap,
      });
    } catch (err) {
      problems.push(
        ...regoErrorFindings(
          err,
          `ConstraintTemplate ${t.name} does not compile`,
          t.location,
          t.sourceMap,
        ),
      );
    }
  }
  const bound: Bound[] = [];
  for (const c of policies.constraints) {
    const q = queries.get(c.kind);
    if (q) {
      bound.push({
        constraint: c,
        query: q.query,
        template: q.name,
        usesInventory: q.usesInventory,
        sourceMap: q.sourceMap,
        location: c.location,
      });
    } else if (!policies.templates.some((t) => t.kind === c.kind)) {
      problems.push(
        policyFinding(
          "policy/constraint-load-failed",
          "error",
          `constraint ${c.kind}/${c.name} has no ConstraintTemplate defining ` +
            `kind ${c.kind} in the policy paths`,
          c.location,
        ),
      );
    }
  }
  const { expansions } = policies;
  return {
    evaluator: {
      evaluate: (s, d, g, l) => [
        ...evaluate(bound, s, d, g, l),
        ...expansions.flatMap((e) => expanded(e, bound, s, d, g, l)),
      ],
    },
    problems,
  };
}

/**
 * The hits of the resource an ExpansionTemplate implies, as Gatekeeper
 * reports them: prefixed `[Implied by <template>]`, with the template's
 * enforcement action when it sets one.
 */
function expanded(
  e: ExpansionTemplate,
  bound: readonly Bound[],
  subject: GatekeeperSubject,
  data: unknown,
  guard: EvalGuard,
  limits: { timeoutMs: number; maxSteps: number },
): GatekeeperHit[] {
  const child = expand(e, subject);
  if (!child) return [];
  const action = e.enforcementAction;
  return evaluate(bound, child, data, guard, limits).map((h) => {
    // A field path of the implied Pod does not address the parent.
    const { field: _field, ...result } = h.result;
    return {
      ...h,
      severity: action ? actionSeverity([action]) : h.severity,
      result: { ...result, msg: `[Implied by ${e.name}] ${result.msg}` },
    };
  });
}

function evaluate(
  bound: readonly Bound[],
  subject: GatekeeperSubject,
  data: unknown,
  guard: EvalGuard,
  limits: { timeoutMs: number; maxSteps: number },
): GatekeeperHit[] {
  const hits: GatekeeperHit[] = [];
  for (const b of bound) {
    if (!matchConstraint(b.constraint.match, subject)) {
      noteUnknownNamespace(b.constraint, subject, guard);
      continue;
    }
    const key = `gatekeeper:${b.constraint.kind}/${b.constraint.name}`;
    const label = `${b.constraint.kind}/${b.constraint.name} (template ${b.template})`;
    const input = reviewInput(subject, b.constraint.parameters);
    // Converting the inventory costs time per evaluation: only
    // referential templates get it.
    const opts = { input, data: b.usesInventory ? data : NO_DATA, ...limits };
    const values = guard.run(
      key,
      label,
      b.location,
      () => asList(firstValue(b.query.eval(opts))),
      b.sourceMap,
    );
    for (const v of values ?? []) {
      const result = toPolicyResult(v);
      if (typeof result === "string") {
        guard.fail(key, label, b.location, result);
        break;
      }
      const severity = actionSeverity(b.constraint.enforcementActions);
      hits.push({ constraint: b.constraint, severity, result });
    }
  }
  return hits;
}

/**
 * A constraint whose namespaceSelector cannot be judged because the
 * object's Namespace is not among the target's resources is skipped for
 * that object (gator refuses to match it); say so once per namespace, as
 * the constraint may well apply in the cluster.
 */
function noteUnknownNamespace(
  c: Constraint,
  s: GatekeeperSubject,
  guard: EvalGuard,
): void {
  const selector = c.match["namespaceSelector"];
  if (selector === undefined || s.namespace === undefined) return;
  if (s.namespaceLabels !== undefined || s.kind === "Namespace") return;
  const rest = { ...c.match, namespaceSelector: undefined };
  if (!matchConstraint(rest, s)) return;
  guard.note(
    `gatekeeper-ns:${c.kind}/${c.name}:${s.namespace}`,
    policyFinding(
      "policy/namespace-unknown",
      "warning",
      `constraint ${c.kind}/${c.name} has a namespaceSelector, but ` +
        `Namespace ${s.namespace} is not among the rendered resources, so ` +
        `the constraint was not applied to objects in ${s.namespace}`,
      c.location,
    ),
  );
}
