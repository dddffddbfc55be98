import type { Yaml11Scalar } from "../../manifests/yaml11.js";
import { formatFieldPath } from "./fieldPath.js";
import type { SchemaProblem } from "./schemaProblems.js";

/**
 * Explains a problem on a value the API server would get from an
 * unquoted YAML 1.1 scalar: `value: yes` is a string to us but `true` to
 * kubectl, Argo CD and Flux, so a string field rejects it. Other
 * problems are returned as they are.
 */
export function withYaml11Hint(
  problem: SchemaProblem,
  scalars: readonly Yaml11Scalar[] | undefined,
): SchemaProblem {
  if (!scalars || problem.ruleId === "schema/unknown-field") return problem;
  const at = formatFieldPath(problem.path);
  const s = scalars.find((x) => formatFieldPath(x.path) === at);
  if (!s) return problem;
  const as =
    typeof s.value === "boolean"
      ? `a boolean (${s.value})`
      : `the number ${s.value}`;
  const message =
    `${problem.message}: kubectl reads unquoted \`${s.text}\` as ${as} ` +
    `(YAML 1.1); quote it: "${s.text}"`;
  return { ...problem, message };
}
