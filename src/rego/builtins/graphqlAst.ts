import type * as G from "graphql";
import { fromJS } from "../convert.js";
import type { Value } from "../value.js";

type J = Record<string, unknown>;

const KIND: Record<string, number> = {
  Variable: 0,
  IntValue: 1,
  FloatValue: 2,
  StringValue: 3,
  BooleanValue: 5,
  NullValue: 6,
  EnumValue: 7,
  ListValue: 8,
  ObjectValue: 9,
};

function opt(o: J, k: string, v: unknown[] | undefined): J {
  if (v && v.length) o[k] = v;
  return o;
}

function value(v: G.ValueNode): J {
  const out: J = {
    ExpectedTypeHasDefault: false,
    Kind: v.kind === "StringValue" && v.block ? 4 : KIND[v.kind],
  };
  switch (v.kind) {
    case "Variable":
      out.Raw = v.name.value;
      break;
    case "IntValue":
    case "FloatValue":
    case "StringValue":
    case "EnumValue":
      out.Raw = v.value;
      break;
    case "BooleanValue":
      out.Raw = String(v.value);
      break;
    case "NullValue":
      out.Raw = "null";
      break;
    case "ListValue":
      out.Raw = "";
      opt(
        out,
        "Children",
        v.values.map((x) => ({ Name: "", Value: value(x) })),
      );
      break;
    case "ObjectValue":
      out.Raw = "";
      opt(
        out,
        "Children",
        v.fields.map((f) => ({ Name: f.name.value, Value: value(f.value) })),
      );
      break;
  }
  return out;
}

function type(t: G.TypeNode): J {
  if (t.kind === "NonNullType") return { ...type(t.type), NonNull: true };
  if (t.kind === "ListType")
    return { Elem: type(t.type), NamedType: "", NonNull: false };
  return { NamedType: t.name.value, NonNull: false };
}

function args(a: readonly G.ArgumentNode[] | undefined): J[] | undefined {
  return a?.map((x) => ({ Name: x.name.value, Value: value(x.value) }));
}

function directives(
  d: readonly G.DirectiveNode[] | undefined,
): J[] | undefined {
  return d?.map((x) =>
    opt({ Location: "", Name: x.name.value }, "Arguments", args(x.arguments)),
  );
}

function selections(s: G.SelectionSetNode | undefined): J[] | undefined {
  return s?.selections.map((x) => {
    if (x.kind === "Field") {
      const o: J = {
        Alias: x.alias?.value ?? x.name.value,
        Name: x.name.value,
      };
      opt(o, "Arguments", args(x.arguments));
      opt(o, "Directives", directives(x.directives));
      return opt(o, "SelectionSet", selections(x.selectionSet));
    }
    if (x.kind === "FragmentSpread")
      return opt(
        { Name: x.name.value },
        "Directives",
        directives(x.directives),
      );
    const o: J = { TypeCondition: x.typeCondition?.name.value ?? "" };
    opt(o, "Directives", directives(x.directives));
    return opt(o, "SelectionSet", selections(x.selectionSet));
  });
}

function varDefs(
  v: readonly G.VariableDefinitionNode[] | undefined,
): J[] | undefined {
  return v?.map((d) => {
    const o: J = {
      Type: type(d.type),
      Used: false,
      Variable: d.variable.name.value,
    };
    if (d.defaultValue) o.DefaultValue = value(d.defaultValue);
    return opt(o, "Directives", directives(d.directives));
  });
}

/** A parsed query as gqlparser's QueryDocument JSON. */
export function queryAst(doc: G.DocumentNode): Value {
  const ops: J[] = [];
  const frags: J[] = [];
  for (const d of doc.definitions) {
    if (d.kind === "OperationDefinition") {
      const o: J = { Name: d.name?.value ?? "", Operation: d.operation };
      opt(o, "VariableDefinitions", varDefs(d.variableDefinitions));
      opt(o, "Directives", directives(d.directives));
      ops.push(opt(o, "SelectionSet", selections(d.selectionSet)));
    } else if (d.kind === "FragmentDefinition") {
      const o: J = {
        Name: d.name.value,
        TypeCondition: d.typeCondition.name.value,
      };
      opt(o, "VariableDefinition", varDefs(d.variableDefinitions));
      opt(o, "Directives", directives(d.directives));
      frags.push(opt(o, "SelectionSet", selections(d.selectionSet)));
    }
  }
  return fromJS(opt(opt({}, "Operations", ops), "Fragments", frags));
}

function desc(d: { description?: G.StringValueNode }): string {
  return d.description?.value ?? "";
}

function inputValues(
  a: readonly G.InputValueDefinitionNode[] | undefined,
): J[] | undefined {
  return a?.map((x) => {
    const o: J = {
      Description: desc(x),
      Name: x.name.value,
      Type: type(x.type),
    };
    if (x.defaultValue) o.DefaultValue = value(x.defaultValue);
    return opt(o, "Directives", directives(x.directives));
  });
}

function fields(
  f: readonly G.FieldDefinitionNode[] | undefined,
): J[] | undefined {
  return f?.map((x) => {
    const o: J = {
      Description: desc(x),
      Name: x.name.value,
      Type: type(x.type),
    };
    opt(o, "Arguments", inputValues(x.arguments));
    return opt(o, "Directives", directives(x.directives));
  });
}

const DEF_KIND: Record<string, string> = {
  ObjectType: "OBJECT",
  InterfaceType: "INTERFACE",
  UnionType: "UNION",
  EnumType: "ENUM",
  InputObjectType: "INPUT_OBJECT",
  ScalarType: "SCALAR",
};

function definition(d: G.TypeDefinitionNode | G.TypeExtensionNode): J {
  const base = d.kind.replace(/Definition$|Extension$/, "");
  const o: J = {
    BuiltIn: false,
    Description:
      "description" in d ? desc(d as { description?: G.StringValueNode }) : "",
    Kind: DEF_KIND[base],
    Name: d.name.value,
  };
  opt(o, "Directives", directives(d.directives));
  if ("interfaces" in d)
    opt(
      o,
      "Interfaces",
      d.interfaces?.map((i) => i.name.value),
    );
  if ("types" in d)
    opt(
      o,
      "Types",
      d.types?.map((i) => i.name.value),
    );
  if ("values" in d)
    opt(
      o,
      "EnumValues",
      d.values?.map((v) =>
        opt(
          { Description: desc(v), Name: v.name.value },
          "Directives",
          directives(v.directives),
        ),
      ),
    );
  if (
    d.kind === "InputObjectTypeDefinition" ||
    d.kind === "InputObjectTypeExtension"
  )
    opt(o, "Fields", inputValues(d.fields));
  else if ("fields" in d)
    opt(o, "Fields", fields(d.fields as readonly G.FieldDefinitionNode[]));
  return o;
}

/** A parsed schema as gqlparser's SchemaDocument JSON. */
export function schemaAst(doc: G.DocumentNode): Value {
  const out: J = {};
  const push = (k: string, v: J): void => {
    ((out[k] ??= []) as J[]).push(v);
  };
  for (const d of doc.definitions) {
    if (d.kind === "SchemaDefinition" || d.kind === "SchemaExtension") {
      const o: J = {
        Description: d.kind === "SchemaDefinition" ? desc(d) : "",
      };
      opt(o, "Directives", directives(d.directives));
      opt(
        o,
        "OperationTypes",
        d.operationTypes?.map((t) => ({
          Operation: t.operation,
          Type: t.type.name.value,
        })),
      );
      push(d.kind === "SchemaDefinition" ? "Schema" : "SchemaExtension", o);
    } else if (d.kind === "DirectiveDefinition") {
      const o: J = {
        Description: desc(d),
        IsRepeatable: d.repeatable,
        Locations: d.locations.map((l) => l.value),
        Name: d.name.value,
      };
      push("Directives", opt(o, "Arguments", inputValues(d.arguments)));
    } else if (d.kind.endsWith("Extension"))
      push("Extensions", definition(d as G.TypeExtensionNode));
    else if (
      d.kind.endsWith("Definition") &&
      d.kind in
        {
          ObjectTypeDefinition: 1,
          InterfaceTypeDefinition: 1,
          UnionTypeDefinition: 1,
          EnumTypeDefinition: 1,
          InputObjectTypeDefinition: 1,
          ScalarTypeDefinition: 1,
        }
    )
      push("Definitions", definition(d as G.TypeDefinitionNode));
  }
  return fromJS(out);
}
