/**
 * Recovers what the `.d.ts` files of `kubernetes-models` cannot say: which
 * `number` fields are integers, and which strings are base64 (`format:
 * byte`, as in `Secret.data`). The ajv validators the packages ship
 * (`_schemas/<Name>.js`) still test both; older releases ship the JSON
 * Schema itself. So `replicas: 1.5` and a plain-text `Secret.data` value
 * are rejected, as the API server does.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** Fields of one definition that need more than their declared type. */
export interface FieldFacts {
  integers: Set<string>;
  /** base64 strings */
  bytes: Set<string>;
  /** maps of base64 strings */
  byteMaps: Set<string>;
}

const FUNCTION = /function (validate\d+)\(data,/g;
const PROPERTY_CALL =
  /(validate\d+)\(data\.([A-Za-z0-9_$]+),\{instancePath:instancePath\+"\/\2"/g;
const INTEGER_TEST =
  /^[^]*?\{let vErrors=null,errors=0;if\(!\("number"==typeof data&&!\(data%1\)/;
const MAP_OF = /for\(let key0 in data\)(validate\d+)\(data\[key0\]/;

/** The facts of the interface `decl`, from its package's validator. */
export function fieldFacts(
  decl: ts.InterfaceDeclaration,
  modulesDir: string,
): FieldFacts {
  const facts: FieldFacts = {
    integers: new Set(),
    bytes: new Set(),
    byteMaps: new Set(),
  };
  const file = validatorFile(decl, modulesDir);
  if (file === undefined) return facts;
  const code = readFileSync(file, "utf8");
  const literal = /const schema = (\{[\s\S]*?\n\});\n/.exec(code)?.[1];
  if (literal !== undefined) return factsOfSchema(literal, facts);
  const bodies = functionBodies(code);
  const isByte = (fn: string) =>
    bodies.get(fn)?.includes('params:{format:"byte"}') ?? false;
  for (const [, fn = "", field = ""] of code.matchAll(PROPERTY_CALL)) {
    const body = bodies.get(fn) ?? "";
    if (INTEGER_TEST.test(body)) facts.integers.add(field);
    if (isByte(fn)) facts.bytes.add(field);
    const item = MAP_OF.exec(body)?.[1];
    if (item !== undefined && isByte(item)) facts.byteMaps.add(field);
  }
  return facts;
}

/** `validateN` to its source text, up to the next function. */
function functionBodies(code: string): Map<string, string> {
  const starts = [...code.matchAll(FUNCTION)];
  return new Map(
    starts.map((m, i) => [
      m[1] ?? "",
      code.slice(m.index, starts[i + 1]?.index ?? code.length),
    ]),
  );
}

interface LiteralSchema {
  type?: string;
  format?: string;
  additionalProperties?: LiteralSchema;
}

/** Older releases ship the JSON Schema itself as an object literal. */
function factsOfSchema(literal: string, facts: FieldFacts): FieldFacts {
  const schema = JSON.parse(literal) as {
    properties?: Record<string, LiteralSchema>;
  };
  for (const [name, s] of Object.entries(schema.properties ?? {})) {
    if (s.type === "integer") facts.integers.add(name);
    if (s.format === "byte") facts.bytes.add(name);
    if (s.additionalProperties?.format === "byte") facts.byteMaps.add(name);
  }
  return facts;
}

/** `<package>/_schemas/<exported alias without its leading I>.js`. */
function validatorFile(
  decl: ts.InterfaceDeclaration,
  modulesDir: string,
): string | undefined {
  const source = decl.getSourceFile();
  const alias = exportedAlias(source, decl.name.text);
  if (alias === undefined) return undefined;
  const rel = path.relative(modulesDir, source.fileName).split(path.sep);
  const depth = rel[0]?.startsWith("@") ? 2 : 1;
  const pkg = path.join(modulesDir, ...rel.slice(0, depth));
  const file = path.join(pkg, "_schemas", `${alias.slice(1)}.js`);
  return existsSync(file) ? file : undefined;
}

function exportedAlias(
  source: ts.SourceFile,
  name: string,
): string | undefined {
  for (const s of source.statements) {
    if (!ts.isExportDeclaration(s) || !s.exportClause) continue;
    if (!ts.isNamedExports(s.exportClause)) continue;
    for (const e of s.exportClause.elements) {
      if (e.propertyName?.text === name) return e.name.text;
    }
  }
  return undefined;
}
