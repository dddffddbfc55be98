import { fromJS } from "../convert.js";
import type { Annotation, Module, Rule } from "../ast.js";
import type { Value } from "../value.js";

function normalize(a: Annotation): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a.data, scope: a.scope };
  if (Array.isArray(a.data.authors)) {
    out.authors = a.data.authors.map((x: unknown) => {
      if (typeof x !== "string") return x;
      const m = /^(.*?)\s*<([^>]+)>$/.exec(x);
      return m
        ? m[1]
          ? { name: m[1], email: m[2] }
          : { email: m[2] }
        : { name: x };
    });
  }
  return out;
}

function ruleName(r: Rule): string {
  const f = r.ref[0];
  return f?.type === "var" ? f.name : "";
}

/** Computes rego.metadata.rule() / chain() values for every rule. */
export function ruleMetadata(
  modules: Module[],
): Map<Rule, { rule: Value; chain: Value }> {
  const pkgAnns = new Map<string, Annotation[]>();
  const docAnns = new Map<string, Annotation[]>();
  for (const m of modules) {
    const pkg = m.pkg.join(".");
    pkgAnns.set(pkg, [...(pkgAnns.get(pkg) ?? []), ...m.annotations]);
    for (const r of m.rules)
      for (const a of r.annotations ?? [])
        if (a.scope === "document") {
          const k = `${pkg}.${ruleName(r)}`;
          docAnns.set(k, [...(docAnns.get(k) ?? []), a]);
        }
  }
  const out = new Map<Rule, { rule: Value; chain: Value }>();
  for (const m of modules) {
    for (const r of m.rules) {
      const own = (r.annotations ?? []).find((a) => a.scope === "rule");
      const path = [...m.pkg, ruleName(r)];
      const chain: unknown[] = [
        own ? { annotations: normalize(own), path } : { path },
      ];
      for (const a of docAnns.get(path.join(".")) ?? [])
        chain.push({ annotations: normalize(a), path });
      for (let i = m.pkg.length; i > 0; i--) {
        const p = m.pkg.slice(0, i);
        for (const a of pkgAnns.get(p.join(".")) ?? []) {
          if (
            i === m.pkg.length
              ? a.scope === "package" || a.scope === "subpackages"
              : a.scope === "subpackages"
          )
            chain.push({ annotations: normalize(a), path: p });
        }
      }
      out.set(r, {
        rule: fromJS(own ? normalize(own) : {}),
        chain: fromJS(chain),
      });
    }
  }
  return out;
}
