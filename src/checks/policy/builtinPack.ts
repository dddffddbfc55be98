import type { Finding, Location } from "../../findings/finding.js";
import type {
  CompilePolicies,
  PreparedPolicyQuery,
  RegoModuleSource,
} from "./engine.js";
import { asList, firstValue } from "./engine.js";
import type { EvalGuard } from "./evalGuard.js";
import { packageOf } from "./conftestRules.js";
import { readPackMetadata, type PackRule } from "./packMetadata.js";
import { toPolicyResult, type PolicyResult } from "./policyResult.js";
import { regoErrorFindings } from "./regoErrorFindings.js";

/** One answer of a built-in rule. */
export interface PackHit {
  rule: PackRule;
  result: PolicyResult;
}

/** The built-in pack compiled once, with its rule metadata. */
export interface BuiltinPack {
  rules: ReadonlyMap<string, PackRule>;
  evaluate(
    input: unknown,
    data: unknown,
    guard: EvalGuard,
    limits: { timeoutMs: number; maxSteps: number },
  ): PackHit[];
}

const PACK_ROOT = "policies/";

/**
 * Compiles the built-in pack (test files excluded) and prepares one `deny`
 * query per package. A pack that does not compile or whose METADATA is
 * wrong is a bug of the gate: it becomes error findings, not a crash.
 */
export function prepareBuiltinPack(
  compile: CompilePolicies,
  files: readonly RegoModuleSource[],
): { pack?: BuiltinPack; problems: Finding[] } {
  const modules = files.filter((f) => !f.path.endsWith("_test.rego"));
  const location: Location = { path: PACK_ROOT };
  try {
    const rules = new Map(
      modules
        .flatMap((m) => readPackMetadata(m.path, m.source))
        .map((r) => [r.id, r]),
    );
    const compiled = compile(modules);
    const queries = packages(modules).map((pkg) => ({
      pkg,
      query: compiled.prepare(`data.${pkg}.deny`),
      location: {
        path: modules.find((m) => packageOf(m.source) === pkg)!.path,
      },
    }));
    return {
      pack: {
        rules,
        evaluate: (i, d, g, l) => evaluate(rules, queries, i, d, g, l),
      },
      problems: [],
    };
  } catch (err) {
    return {
      problems: regoErrorFindings(
        err,
        "built-in policy pack does not load",
        location,
      ),
    };
  }
}

/** The rule packages of the pack (helper libraries excluded). */
function packages(modules: readonly RegoModuleSource[]): string[] {
  const all = modules
    .map((m) => packageOf(m.source))
    .filter((p) => p !== undefined);
  return [...new Set(all)].filter((p) => !p.includes(".lib.")).sort();
}

function evaluate(
  rules: ReadonlyMap<string, PackRule>,
  queries: readonly {
    pkg: string;
    query: PreparedPolicyQuery;
    location: Location;
  }[],
  input: unknown,
  data: unknown,
  guard: EvalGuard,
  limits: { timeoutMs: number; maxSteps: number },
): PackHit[] {
  const hits: PackHit[] = [];
  for (const q of queries) {
    const key = `builtin:${q.pkg}`;
    const values = guard.run(
      key,
      `built-in data.${q.pkg}.deny`,
      q.location,
      () => asList(firstValue(q.query.eval({ input, data, ...limits }))),
    );
    for (const v of values ?? []) {
      const result = toPolicyResult(v);
      const rule =
        typeof result === "string" ? undefined : rules.get(result.id ?? "");
      if (typeof result === "string" || !rule) {
        guard.fail(
          key,
          `built-in data.${q.pkg}.deny`,
          q.location,
          "returned a result without a documented rule id",
        );
        break;
      }
      hits.push({ rule, result });
    }
  }
  return hits;
}
