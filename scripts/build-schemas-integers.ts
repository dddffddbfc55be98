/**
 * Recovers which fields are integers. The `.d.ts` files of
 * `kubernetes-models` say `number` for both `integer` and `number`, but the
 * ajv validators the packages ship (`_schemas/<Name>.js`) still test
 * integers (older releases ship the JSON Schema itself); this reads them
 * so that `replicas: 1.5` is rejected.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const INTEGER_FN =
  /function (validate\d+)\(data,\{[^}]*\}=\{\}\)\{let vErrors=null,errors=0;if\(!\("number"==typeof data&&!\(data%1\)/g;
const PROPERTY_CALL =
  /(validate\d+)\(data\.([A-Za-z0-9_$]+),\{instancePath:instancePath\+"\/\2"/g;

/** Names of the integer fields of the interface `decl`, from its
 * package's compiled validator (empty when there is none). */
export function integerFields(
  decl: ts.InterfaceDeclaration,
  modulesDir: string,
): Set<string> {
  const file = validatorFile(decl, modulesDir);
  if (file === undefined) return new Set();
  const code = readFileSync(file, "utf8");
  const literal = /const schema = (\{[\s\S]*?\n\});\n/.exec(code)?.[1];
  if (literal !== undefined) return integersOfSchema(literal);
  const integerFns = new Set([...code.matchAll(INTEGER_FN)].map((m) => m[1]));
  const out = new Set<string>();
  for (const m of code.matchAll(PROPERTY_CALL)) {
    if (integerFns.has(m[1])) out.add(m[2] ?? "");
  }
  return out;
}

/** Older releases ship the JSON Schema itself as an object literal. */
function integersOfSchema(literal: string): Set<string> {
  const schema = JSON.parse(literal) as {
    properties?: Record<string, { type?: string }>;
  };
  return new Set(
    Object.entries(schema.properties ?? {})
      .filter(([, s]) => s.type === "integer")
      .map(([name]) => name),
  );
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
