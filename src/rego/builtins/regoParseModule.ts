import type { Import, Module, Rule } from "../ast.js";
import { parseModule } from "../parser/parseModule.js";
import { RegoError } from "../RegoError.js";
import type { Value } from "../value.js";
import { bodyJson, obj, termJson } from "./astJson.js";
import { BuiltinError, register } from "./registry.js";
import { str } from "./strings.js";

const term = (type: string, value: Value): Value =>
  obj([
    ["type", type],
    ["value", value],
  ]);

function importJson(i: Import): Value {
  const o = obj([["path", termJson(i.path)]]);
  if (i.alias) o.set("alias", i.alias);
  return o;
}

function headJson(r: Rule): Value {
  const head = obj([
    ["name", r.ref[0]?.type === "var" ? r.ref[0].name : ""],
    ["ref", r.ref.map(termJson)],
  ]);
  if (r.args) head.set("args", r.args.map(termJson));
  if (r.key) head.set("key", termJson(r.key));
  if (r.value) head.set("value", termJson(r.value));
  else if (r.kind !== "set") head.set("value", term("boolean", true));
  if (r.assign) head.set("assign", true);
  return head;
}

function ruleJson(r: Rule): Value {
  const o = obj([
    ["head", headJson(r)],
    ["body", bodyJson(r.body)],
  ]);
  if (r.isDefault) o.set("default", true);
  if (r.elseRule) o.set("else", ruleJson(r.elseRule));
  return o;
}

/** A parsed module as OPA's AST JSON (`package`, `imports`, `rules`). */
export function moduleJson(m: Module): Value {
  const path = [term("var", "data"), ...m.pkg.map((p) => term("string", p))];
  const o = obj([["package", obj([["path", path]])]]);
  if (m.imports.length) o.set("imports", m.imports.map(importJson));
  if (m.rules.length) o.set("rules", m.rules.map(ruleJson));
  return o;
}

/**
 * `rego.parse_module(filename, rego)`: parses Rego (v1) source into OPA's
 * AST JSON; syntax errors become `eval_builtin_error`s naming the cause.
 */
export function regoParseModule(file: string, src: string): Value {
  try {
    return moduleJson(parseModule(src, file, true));
  } catch (e) {
    if (!(e instanceof RegoError)) throw e;
    throw new BuiltinError(e.message, "eval_builtin_error", false, e);
  }
}

register("rego.parse_module", 2, ([f, s]) =>
  regoParseModule(str(f!, 1), str(s!, 2)),
);
