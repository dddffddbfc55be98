import type { Term } from "../ast.js";
import { formatValue } from "../builtins/formatValue.js";
import type { Value } from "../value.js";
import type { Env, Evaluator } from "./Evaluator.js";

/** Renders a template string's parts. */
export function templateText(
  ev: Evaluator,
  parts: (string | Term)[],
  env: Env,
): string {
  let out = "";
  for (const p of parts) {
    if (typeof p === "string") {
      out += p;
      continue;
    }
    const vals: Value[] = [];
    ev.evalTerm(p, env, (v) => (vals.push(v), vals.length > 1));
    if (vals.length === 0) out += "<undefined>";
    else out += typeof vals[0] === "string" ? vals[0] : formatValue(vals[0]!);
  }
  return out;
}
