/**
 * Turns the TypeScript declarations of `kubernetes-models` packages into
 * strict JSON Schemas (draft 2020-12 subset that ajv understands).
 *
 * The packages generate one `.d.ts` interface per OpenAPI definition, with
 * required fields, enums as literal unions and maps as index signatures, so
 * the declarations carry everything kubeconform's strict mode needs. Objects
 * become `additionalProperties: false`; an interface with no members is how
 * the generator writes `x-kubernetes-preserve-unknown-fields` (and
 * `RawExtension` / `JSON`), so it becomes `{}` (anything goes).
 */
import path from "node:path";
import ts from "typescript";
import { QUANTITY_PATTERN } from "../src/checks/schema/schemaHints.js";
import { fieldFacts, type FieldFacts } from "./build-schemas-facts.js";

/** A JSON Schema as plain data. */
export type JsonSchema = Record<string, unknown>;

/** Schemas for the apimachinery aliases that carry a format. */
const ALIAS_FORMATS: Record<string, JsonSchema> = {
  IQuantity: { type: ["string", "number"], pattern: QUANTITY_PATTERN },
  IIntOrString: { type: ["integer", "string"] },
  ITime: { type: "string", format: "date-time" },
  IMicroTime: { type: "string", format: "date-time" },
};

/** Converts interfaces reachable from a set of root declarations. */
export class DtsConverter {
  readonly defs: Record<string, JsonSchema> = {};
  private readonly checker: ts.TypeChecker;

  constructor(
    program: ts.Program,
    private readonly modulesDir: string,
  ) {
    this.checker = program.getTypeChecker();
  }

  /** Adds an interface and everything it references; returns its def name. */
  define(decl: ts.InterfaceDeclaration): string {
    const name = this.defName(decl);
    if (this.defs[name] !== undefined) return name;
    this.defs[name] = {}; // placeholder: breaks reference cycles
    const schema = this.fromMembers(this.membersOf(decl));
    applyFacts(schema, fieldFacts(decl, this.modulesDir));
    this.defs[name] = schema;
    return name;
  }

  private defName(decl: ts.InterfaceDeclaration): string {
    const file = path.relative(this.modulesDir, decl.getSourceFile().fileName);
    const base = file.replace(/\.d\.ts$/, "").replace(/[/\\]/g, ".");
    return base.endsWith(decl.name.text.slice(1))
      ? base
      : `${base}.${decl.name.text}`;
  }

  private membersOf(decl: ts.InterfaceDeclaration): ts.TypeElement[] {
    const members = [...decl.members];
    for (const clause of decl.heritageClauses ?? []) {
      for (const expr of clause.types) {
        const target = this.resolve(expr.expression);
        if (target && ts.isInterfaceDeclaration(target)) {
          members.push(...this.membersOf(target));
        }
      }
    }
    return members;
  }

  private fromMembers(members: readonly ts.TypeElement[]): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    let extra: JsonSchema | false = false;
    for (const m of members) {
      if (ts.isIndexSignatureDeclaration(m)) extra = this.fromNode(m.type);
      if (!ts.isPropertySignature(m) || m.type === undefined) continue;
      const key = propertyName(m.name);
      if (key === undefined || properties[key] !== undefined) continue;
      properties[key] = this.fromNode(m.type);
      if (m.questionToken === undefined) required.push(key);
    }
    if (Object.keys(properties).length === 0 && extra === false) return {};
    const schema: JsonSchema = { type: "object" };
    if (Object.keys(properties).length > 0) schema["properties"] = properties;
    if (required.length > 0) schema["required"] = required;
    schema["additionalProperties"] = extra;
    return schema;
  }

  private fromNode(node: ts.TypeNode): JsonSchema {
    if (ts.isParenthesizedTypeNode(node)) return this.fromNode(node.type);
    if (ts.isArrayTypeNode(node)) {
      return { type: "array", items: this.fromNode(node.elementType) };
    }
    if (ts.isTypeLiteralNode(node)) return this.fromMembers(node.members);
    if (ts.isUnionTypeNode(node)) return this.fromUnion(node.types);
    if (ts.isLiteralTypeNode(node)) return literal(node.literal);
    if (ts.isTypeReferenceNode(node)) return this.fromReference(node);
    return keyword(node.kind);
  }

  private fromUnion(types: readonly ts.TypeNode[]): JsonSchema {
    const parts = types.map((t) => this.fromNode(t));
    const values = parts.map((p) => (p["enum"] as unknown[] | undefined)?.[0]);
    if (values.every((v) => typeof v === "string")) {
      return { type: "string", enum: values };
    }
    const simple = parts.every(
      (p) => Object.keys(p).length === 1 && typeof p["type"] === "string",
    );
    if (simple) return { type: [...new Set(parts.map((p) => p["type"]))] };
    return { anyOf: parts };
  }

  private fromReference(node: ts.TypeReferenceNode): JsonSchema {
    const args = node.typeArguments ?? [];
    const name = node.typeName.getText();
    if (name === "Array" && args[0]) {
      return { type: "array", items: this.fromNode(args[0]) };
    }
    if (name === "Record" && args[1]) {
      return { type: "object", additionalProperties: this.fromNode(args[1]) };
    }
    const decl = this.resolve(node.typeName);
    if (decl && ts.isInterfaceDeclaration(decl)) {
      return { $ref: `#/$defs/${this.define(decl)}` };
    }
    if (decl && ts.isTypeAliasDeclaration(decl)) {
      return ALIAS_FORMATS[decl.name.text] ?? this.fromNode(decl.type);
    }
    throw new Error(`build-schemas: cannot resolve type ${name}`);
  }

  private resolve(expr: ts.Node): ts.Declaration | undefined {
    let symbol = this.checker.getSymbolAtLocation(expr);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
      symbol = this.checker.getAliasedSymbol(symbol);
    }
    return symbol?.declarations?.find(
      (d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d),
    );
  }
}

/** Turns `number` into `integer` and marks base64 strings, for the fields
 * the package validates so (the declarations cannot say which). */
function applyFacts(schema: JsonSchema, facts: FieldFacts): void {
  const props = (schema["properties"] ?? {}) as Record<string, JsonSchema>;
  for (const field of facts.integers) {
    const p = props[field];
    if (p?.["type"] === "number") p["type"] = "integer";
  }
  for (const field of facts.bytes) {
    const p = props[field];
    if (p?.["type"] === "string") p["format"] = "byte";
  }
  for (const field of facts.byteMaps) {
    const values = props[field]?.["additionalProperties"] as JsonSchema;
    if (values?.["type"] === "string") values["format"] = "byte";
  }
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isStringLiteral(name) || ts.isIdentifier(name)) return name.text;
  return undefined;
}

function literal(node: ts.LiteralTypeNode["literal"]): JsonSchema {
  if (ts.isStringLiteral(node)) return { type: "string", enum: [node.text] };
  if (ts.isNumericLiteral(node)) return { enum: [Number(node.text)] };
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { enum: [true] };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { enum: [false] };
  return {};
}

function keyword(kind: ts.SyntaxKind): JsonSchema {
  switch (kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: "string" };
    case ts.SyntaxKind.NumberKeyword:
      return { type: "number" };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: "boolean" };
    default:
      return {}; // any, unknown, object: preserved as-is
  }
}
