import type { Finding, Location } from "../../findings/finding.js";
import { packageOf, type ConftestRule } from "./conftestRules.js";
import type { RegoModuleSource } from "./engine.js";
import { policyFinding } from "./policyFinding.js";

/**
 * A namespace named in `checks.policy.namespaces` that no module declares
 * is a warning: a typo there would silently skip every policy.
 */
export function unknownNamespaces(
  modules: readonly RegoModuleSource[],
  namespaces: readonly string[] | "all",
  location: Location,
): Finding[] {
  if (namespaces === "all") return [];
  const declared = new Set(
    modules.map((m) => packageOf(m.source)).filter((p) => p !== undefined),
  );
  const known = [...declared].sort().join(", ") || "none";
  return namespaces
    .filter((ns) => !declared.has(ns))
    .map((ns) =>
      policyFinding(
        "policy/unknown-namespace",
        "warning",
        `checks.policy.namespaces names ${ns}, but no policy declares ` +
          `package ${ns} (packages: ${known})`,
        location,
      ),
    );
}

/**
 * A package with conftest rules that the configured namespaces leave out
 * is a notice on its first rule, as conftest skips it just as quietly
 * unless `--all-namespaces` is given.
 */
export function unselectedNamespaces(
  rules: readonly ConftestRule[],
  namespaces: readonly string[] | "all",
): Finding[] {
  if (namespaces === "all") return [];
  const first = new Map<string, ConftestRule>();
  for (const r of rules) {
    if (!namespaces.includes(r.namespace) && !first.has(r.namespace))
      first.set(r.namespace, r);
  }
  return [...first.values()].map((r) =>
    policyFinding(
      "policy/namespace-not-selected",
      "notice",
      `package ${r.namespace} defines ${r.name} but is not in ` +
        "checks.policy.namespaces, so its rules are not evaluated " +
        `(add ${r.namespace}, or set namespaces: all)`,
      r.line === undefined
        ? { path: r.path ?? "policy/" }
        : { path: r.path ?? "policy/", line: r.line },
    ),
  );
}
