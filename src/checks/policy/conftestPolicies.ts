import type { Finding, Location, Severity } from "../../findings/finding.js";
import type {
  CompilePolicies,
  PreparedPolicyQuery,
  RegoModuleSource,
} from "./engine.js";
import { asList, firstValue } from "./engine.js";
import type { EvalGuard } from "./evalGuard.js";
import {
  conftestRules,
  exceptionName,
  packageOf,
  type ConftestRule,
} from "./conftestRules.js";
import {
  unknownNamespaces,
  unselectedNamespaces,
} from "./namespaceFindings.js";
import { toPolicyResult, type PolicyResult } from "./policyResult.js";
import { regoErrorFindings } from "./regoErrorFindings.js";
import { compileWithMode, type RegoVersionMode } from "./regoVersions.js";

/** Options of {@link prepareConftest}. */
export interface ConftestOptions {
  compile: CompilePolicies;
  modules: RegoModuleSource[];
  data: unknown;
  namespaces: readonly string[] | "all";
  regoVersion: RegoVersionMode;
  /** Where findings about the policy set as a whole go. */
  location: Location;
}

/** One answer of one conftest rule. */
export interface ConftestHit {
  rule: ConftestRule;
  severity: Severity;
  result: PolicyResult;
}

/** Compiled conftest-style policies, ready for many inputs. */
export interface ConftestPolicies {
  evaluate(
    input: unknown,
    guard: EvalGuard,
    limits: { timeoutMs: number; maxSteps: number },
  ): ConftestHit[];
}

interface PreparedRule {
  rule: ConftestRule;
  query: PreparedPolicyQuery;
  location: Location;
}

/**
 * Compiles the org's Rego modules once and prepares a query per conftest
 * rule of the selected namespaces. Compile errors are error findings on the
 * policy file and line (the gate fails closed); a namespace named in config
 * that no module declares is a warning.
 */
export function prepareConftest(opts: ConftestOptions): {
  policies?: ConftestPolicies;
  problems: Finding[];
} {
  if (opts.modules.length === 0) return { problems: [] };
  const problems = unknownNamespaces(
    opts.modules,
    opts.namespaces,
    opts.location,
  );
  let compiled;
  try {
    compiled = compileWithMode(opts.compile, opts.modules, opts.regoVersion);
  } catch (err) {
    const found = regoErrorFindings(
      err,
      "policy does not compile",
      opts.location,
    );
    return { problems: [...problems, ...found.map((f) => withHint(f, opts))] };
  }
  const { rules, exceptions } = conftestRules(opts.modules);
  const selected = rules.filter((r) =>
    selectedNs(opts.namespaces, r.namespace),
  );
  problems.push(...unselectedNamespaces(rules, opts.namespaces));
  const fileOf = moduleFiles(opts.modules);
  const prepared: PreparedRule[] = selected.map((rule) => ({
    rule,
    query: compiled.prepare(`data.${rule.namespace}.${rule.name}`),
    location: ruleLocation(rule, fileOf, opts.location),
  }));
  const exceptionQueries = new Map<string, PreparedPolicyQuery>();
  for (const ns of exceptions) {
    if (!selectedNs(opts.namespaces, ns)) continue;
    exceptionQueries.set(ns, compiled.prepare(`data.${ns}.exception`));
  }
  return {
    problems,
    policies: {
      evaluate: (i, g, l) =>
        evaluate(prepared, exceptionQueries, opts.data, i, g, l),
    },
  };
}

/** One input's evaluation: shared limits, and exceptions read once. */
interface EvalContext {
  input: unknown;
  data: unknown;
  guard: EvalGuard;
  limits: { timeoutMs: number; maxSteps: number };
  exceptions: ReadonlyMap<string, PreparedPolicyQuery>;
  exempted: Map<string, Set<string>>;
}

function evaluate(
  rules: readonly PreparedRule[],
  exceptions: ReadonlyMap<string, PreparedPolicyQuery>,
  data: unknown,
  input: unknown,
  guard: EvalGuard,
  limits: { timeoutMs: number; maxSteps: number },
): ConftestHit[] {
  const ctx = { input, data, guard, limits, exceptions, exempted: new Map() };
  return rules.flatMap((p) => evaluateRule(p, ctx));
}

function evaluateRule(p: PreparedRule, ctx: EvalContext): ConftestHit[] {
  const key = `conftest:${p.rule.namespace}.${p.rule.name}`;
  const label = `data.${p.rule.namespace}.${p.rule.name}`;
  const value = ctx.guard.run(key, label, p.location, () =>
    firstValue(p.query.eval(evalOptions(ctx))),
  );
  const notSet = notASet(p.rule.name, value);
  if (notSet) {
    ctx.guard.fail(key, label, p.location, notSet);
    return [];
  }
  const values = asList(value);
  if (values.length === 0 || isExempted(p, ctx)) return [];
  const severity = p.rule.kind === "warning" ? "warning" : "error";
  const hits: ConftestHit[] = [];
  for (const v of values) {
    const result = toPolicyResult(v);
    if (typeof result === "string") {
      ctx.guard.fail(key, label, p.location, result);
      break;
    }
    hits.push({ rule: p.rule, severity, result });
  }
  return hits;
}

/**
 * conftest reads only sets (and arrays) of results; a rule that produced
 * a boolean or an object would pass silently, so it is an error instead.
 * `deny[msg] if { ... }` without `contains` is such an object in Rego v1
 * (OPA issue 6509; conftest refuses it at load time).
 */
function notASet(name: string, value: unknown): string | undefined {
  if (value === true) {
    return (
      `${name} is a boolean rule, but conftest rules must be sets of ` +
      `messages: write \`${name} contains msg if { ... }\``
    );
  }
  if (typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value) || value instanceof Set) return undefined;
  return (
    `${name} is an object, not a set of messages (in Rego v1, ` +
    `\`${name}[msg] if\` defines an object): write ` +
    `\`${name} contains msg if { ... }\``
  );
}

function evalOptions(ctx: EvalContext) {
  return { input: ctx.input, data: ctx.data, ...ctx.limits };
}

function isExempted(p: PreparedRule, ctx: EvalContext): boolean {
  const name = exceptionName(p.rule);
  return name !== undefined && exemptedNames(p, ctx).has(name);
}

/** The rule names the package's `exception` rule lists for this input. */
function exemptedNames(p: PreparedRule, ctx: EvalContext): Set<string> {
  const ns = p.rule.namespace;
  const cached = ctx.exempted.get(ns);
  if (cached) return cached;
  const names = new Set<string>();
  const query = ctx.exceptions.get(ns);
  const value =
    query &&
    ctx.guard.run(
      `conftest:${ns}.exception`,
      `data.${ns}.exception`,
      p.location,
      () => firstValue(query.eval(evalOptions(ctx))),
    );
  for (const entry of asList(value)) {
    for (const n of asList(entry)) if (typeof n === "string") names.add(n);
  }
  ctx.exempted.set(ns, names);
  return names;
}

/** Says how a parse error relates to the Rego version in use. */
function withHint(f: Finding, opts: ConftestOptions): Finding {
  if (opts.regoVersion === "v0" || !f.message.includes("rego_parse_error"))
    return f;
  const hint =
    opts.regoVersion === "v1"
      ? " (if the policies use Rego v0 syntax, without `if` and " +
        "`contains`, set checks.policy.regoVersion: auto or v0)"
      : " (the module parses neither as Rego v1 nor as v0; the error is v1's)";
  return { ...f, message: f.message + hint };
}

function selectedNs(namespaces: readonly string[] | "all", ns: string) {
  return namespaces === "all" || namespaces.includes(ns);
}

function ruleLocation(
  rule: ConftestRule,
  fileOf: ReadonlyMap<string, string>,
  fallback: Location,
): Location {
  if (rule.path === undefined) {
    return { path: fileOf.get(rule.namespace) ?? fallback.path };
  }
  return rule.line === undefined
    ? { path: rule.path }
    : { path: rule.path, line: rule.line };
}

function moduleFiles(
  modules: readonly RegoModuleSource[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of modules) {
    const ns = packageOf(m.source);
    if (ns !== undefined && !out.has(ns)) out.set(ns, m.path);
  }
  return out;
}
