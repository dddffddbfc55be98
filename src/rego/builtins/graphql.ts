import {
  buildASTSchema,
  GraphQLError,
  parse,
  validate,
  validateSchema,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import { RObject, type Value } from "../value.js";
import { queryAst, schemaAst } from "./graphqlAst.js";
import { BuiltinError, register, typeErr } from "./registry.js";
import { toJSON } from "./json.js";

function message(e: unknown): string {
  if (!(e instanceof GraphQLError)) return (e as Error).message;
  let msg = e.message
    .replace(/^Syntax Error: /, "")
    .replace(/\.$/, "")
    .replace(/"([^\w\s"]+)"/g, "$1")
    .replace(/^Unterminated string$/, "Unexpected <Invalid>");
  const pos = e.positions?.[0];
  const body = e.source?.body ?? "";
  if (
    msg === "Expected Name, found }" &&
    pos !== undefined &&
    /\{\s*$/.test(body.slice(0, pos))
  )
    msg = "expected at least one definition, found }";
  const loc = e.locations?.[0];
  return loc
    ? `${msg} in GraphQL string at location ${loc.line}:${loc.column}`
    : msg;
}

/** Folds type extensions into definitions (gqlparser accepts extensions of
 * types defined later or nowhere). */
function foldExtensions(doc: DocumentNode): DocumentNode {
  const defs = new Map<string, Record<string, unknown>>();
  const out: Record<string, unknown>[] = [];
  for (const d of doc.definitions) {
    if (!d.kind.endsWith("TypeDefinition")) continue;
    const copy = { ...(d as unknown as Record<string, unknown>) };
    defs.set((d as { name: { value: string } }).name.value, copy);
  }
  for (const d of doc.definitions) {
    const rec = d as unknown as Record<string, unknown> & {
      name?: { value: string };
    };
    if (!d.kind.endsWith("TypeExtension")) {
      out.push(
        d.kind.endsWith("TypeDefinition") ? defs.get(rec.name!.value)! : rec,
      );
      continue;
    }
    const target = defs.get(rec.name!.value);
    if (!target) {
      const def = { ...rec, kind: d.kind.replace("Extension", "Definition") };
      defs.set(rec.name!.value, def);
      out.push(def);
      continue;
    }
    for (const k of ["fields", "values", "interfaces", "types", "directives"]) {
      const add = rec[k] as unknown[] | undefined;
      if (add?.length)
        target[k] = [...((target[k] as unknown[]) ?? []), ...add];
    }
  }
  return { ...doc, definitions: out as never };
}

function text(v: Value, pos: number): string {
  if (typeof v === "string") return v;
  if (v instanceof RObject) return toJSON(v);
  throw typeErr(pos, "one of {string, object}", v);
}

function parseDoc(v: Value, pos: number): DocumentNode {
  try {
    return parse(text(v, pos), { noLocation: false });
  } catch (e) {
    throw new BuiltinError(message(e), "eval_builtin_error", false, e);
  }
}

function buildSchema(doc: DocumentNode): GraphQLSchema {
  try {
    const s = buildASTSchema(foldExtensions(doc));
    const errs = validateSchema(s).filter(
      (x) => !/Query root type must be provided/.test(x.message),
    );
    if (errs.length) throw errs[0];
    return s;
  } catch (e) {
    throw new BuiltinError(message(e), "eval_builtin_error", false, e);
  }
}

function check(query: DocumentNode, schema: GraphQLSchema): void {
  const errs = validate(schema, query);
  if (errs.length)
    throw new BuiltinError(message(errs[0]), "eval_builtin_error");
}

register("graphql.parse_query", 1, ([q]) => queryAst(parseDoc(q!, 1)));
register("graphql.parse_schema", 1, ([s]) => schemaAst(parseDoc(s!, 1)));
register("graphql.parse", 2, ([q, s]) => {
  const qd = parseDoc(q!, 1);
  const sd = parseDoc(s!, 2);
  check(qd, buildSchema(sd));
  return [queryAst(qd), schemaAst(sd)];
});
register("graphql.parse_and_verify", 2, ([q, s]) => {
  try {
    const qd = parseDoc(q!, 1);
    const sd = parseDoc(s!, 2);
    check(qd, buildSchema(sd));
    return [true, queryAst(qd), schemaAst(sd)];
  } catch (e) {
    if (!(e instanceof BuiltinError) || e.code !== "eval_builtin_error")
      throw e;
    return [false, new RObject(), new RObject()];
  }
});
register("graphql.is_valid", 2, ([q, s]) => {
  try {
    check(parseDoc(q!, 1), buildSchema(parseDoc(s!, 2)));
    return true;
  } catch (e) {
    if (!(e instanceof BuiltinError) || e.code !== "eval_builtin_error")
      throw e;
    return false;
  }
});
register("graphql.schema_is_valid", 1, ([s]) => {
  try {
    buildSchema(parseDoc(s!, 1));
    return true;
  } catch (e) {
    if (!(e instanceof BuiltinError) || e.code !== "eval_builtin_error")
      throw e;
    return false;
  }
});
