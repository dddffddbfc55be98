import type { Literal, Term, With } from "../ast.js";
import { RObject, typeName, type Value } from "../value.js";

/** An OPA AST JSON term: `{"type": ..., "value": ...}`. */
const node = (type: string, value: Value): RObject =>
  new RObject().set("type", type).set("value", value);

/** A plain Rego object from string keys. */
export const obj = (entries: [string, Value][]): RObject =>
  RObject.from(entries);

function refValue(t: Term): Value[] {
  if (t.type === "var") return [termJson(t)];
  if (t.type === "ref") return [termJson(t.head), ...t.path.map(termJson)];
  return [termJson(t)];
}

function body(lits: Literal[]): Value[] {
  return lits.map((l, i) => literalJson(l, i));
}

/** Converts a term to OPA's AST JSON shape. */
export function termJson(t: Term): Value {
  switch (t.type) {
    case "scalar":
      return node(typeName(t.value), t.value);
    case "var":
      return node("var", t.name);
    case "ref":
      return node("ref", refValue(t));
    case "array":
      return node("array", t.items.map(termJson));
    case "set":
      return node("set", t.items.map(termJson));
    case "object":
      return node(
        "object",
        t.pairs.map(([k, v]) => [termJson(k), termJson(v)]),
      );
    case "arraycomp":
    case "setcomp":
      return node(
        t.type === "arraycomp" ? "arraycomprehension" : "setcomprehension",
        obj([
          ["term", termJson(t.term)],
          ["body", body(t.body)],
        ]),
      );
    case "objectcomp":
      return node(
        "objectcomprehension",
        obj([
          ["key", termJson(t.key)],
          ["value", termJson(t.value)],
          ["body", body(t.body)],
        ]),
      );
    case "call":
      return node("call", [
        node("ref", refValue(t.fn)),
        ...t.args.map(termJson),
      ]);
    case "template":
      return node(
        "templatestring",
        t.parts.map((p) => (typeof p === "string" ? p : termJson(p))),
      );
  }
}

/** The `terms` of an expression: a call's operator and operands. */
function exprTerms(t: Term): Value {
  if (t.type !== "call") return termJson(t);
  return [node("ref", refValue(t.fn)), ...t.args.map(termJson)];
}

function withJson(w: With): Value {
  return obj([
    ["target", termJson(w.target)],
    ["value", termJson(w.value)],
  ]);
}

function literalTerms(l: Literal): Value {
  switch (l.kind) {
    case "expr":
      return exprTerms(l.expr);
    case "some":
      return obj([["symbols", l.vars.map(termJson)]]);
    case "somein": {
      const args = [l.key, l.value, l.domain].filter((x) => x !== undefined);
      const member = l.key ? "member_3" : "member_2";
      const call = node("call", [
        node("ref", [node("var", "internal"), node("string", member)]),
        ...args.map(termJson),
      ]);
      return obj([["symbols", [call]]]);
    }
    case "every":
      return obj([
        ["key", l.key ? termJson(l.key) : null],
        ["value", termJson(l.value)],
        ["domain", termJson(l.domain)],
        ["body", body(l.body)],
      ]);
  }
}

/** Converts a body literal (OPA `Expr`) to AST JSON. */
export function literalJson(l: Literal, index: number): Value {
  const o = obj([
    ["index", index],
    ["terms", literalTerms(l)],
  ]);
  if (l.kind === "expr" && l.negated) o.set("negated", true);
  if (l.withs.length) o.set("with", l.withs.map(withJson));
  return o;
}

/** Converts a rule body (empty bodies become OPA's `true`). */
export function bodyJson(lits: Literal[]): Value[] {
  if (lits.length) return body(lits);
  return [
    literalJson(
      {
        kind: "expr",
        expr: trueTerm(),
        negated: false,
        withs: [],
        loc: { file: "", row: 0, col: 0 },
      },
      0,
    ),
  ];
}

function trueTerm(): Term {
  return { type: "scalar", value: true, loc: { file: "", row: 0, col: 0 } };
}
