import type { RegoModuleSource } from "./engine.js";

/** A conftest rule a policy file defines. */
export interface ConftestRule {
  /** Package, dotted: `main`, `kubernetes.deployments`. */
  namespace: string;
  /** Rule name: `deny`, `deny_latest`, `warn`, `violation_x`. */
  name: string;
  kind: "failure" | "warning";
  /** The first module that defines the rule, for findings about it. */
  path?: string;
  /** The line of the rule's first head in that module. */
  line?: number;
}

const PACKAGE = /^\s*package\s+([A-Za-z_][\w.]*)/m;
const RULE_HEAD =
  /^(deny|violation|warn|exception)((?:_[A-Za-z0-9_]*)?)\s*(?:contains\b|\[|:?=|if\b|\{)/gm;

/** The package a module declares, or undefined. */
export function packageOf(source: string): string | undefined {
  return PACKAGE.exec(stripComments(source))?.[1];
}

/**
 * The conftest rules of the modules (names matching conftest's
 * `deny|violation|warn` with an optional `_suffix`), per package, and the
 * packages that define `exception`. Rule heads are found in the source
 * because a query of a whole package would also evaluate tests and
 * helpers; a head not at the start of a line is not seen (opa fmt always
 * puts it there).
 */
export function conftestRules(modules: readonly RegoModuleSource[]): {
  rules: ConftestRule[];
  exceptions: Set<string>;
} {
  const seen = new Map<string, ConftestRule>();
  const exceptions = new Set<string>();
  for (const m of modules) {
    const source = stripComments(m.source);
    const ns = packageOf(source);
    if (ns === undefined) continue;
    for (const match of source.matchAll(RULE_HEAD)) {
      const [, base, suffix] = match;
      if (base === "exception") {
        if (suffix === "") exceptions.add(ns);
        continue;
      }
      const name = `${base}${suffix}`;
      const kind = base === "warn" ? "warning" : "failure";
      const key = `${ns}\u0000${name}`;
      if (seen.has(key)) continue;
      const line = lineAt(source, match.index);
      seen.set(key, { namespace: ns, name, kind, path: m.path, line });
    }
  }
  return { rules: [...seen.values()], exceptions };
}

/**
 * The name an `exception` rule lists to exempt a rule, as conftest strips
 * the severity prefix: `deny_foo`, `violation_foo` and `warn_foo` are
 * exempted by `foo`; bare `deny`, `violation` and `warn` by the empty
 * string.
 *
 * @example exceptionName({ namespace: "main", name: "warn_x", kind: "warning" }) // "x"
 */
export function exceptionName(rule: ConftestRule): string | undefined {
  const m = /^(?:deny|violation|warn)(?:_(.*))?$/.exec(rule.name);
  return m ? (m[1] ?? "") : undefined;
}

function lineAt(source: string, index: number): number {
  let line = 1;
  for (let i = source.indexOf("\n"); i >= 0 && i < index;) {
    line++;
    i = source.indexOf("\n", i + 1);
  }
  return line;
}

/** Replaces `#` comments by spaces, keeping strings and line numbers. */
function stripComments(source: string): string {
  return source.replace(
    /("(?:[^"\\\n]|\\.)*"|`[^`]*`)|#[^\n]*/g,
    (all, str: string | undefined) => str ?? " ".repeat(all.length),
  );
}
