import { fromJS, toJS } from "../convert.js";
import { parseNumber } from "../parser/parseNumber.js";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { compare, RObject, RSet, typeName, type Value } from "../value.js";
import { formatNumber } from "./formatValue.js";
import { BuiltinError, register, typeErr } from "./registry.js";
import { str } from "./strings.js";

/** JSON text of a value (sets as sorted arrays, keys sorted, as OPA). */
export function toJSON(v: Value, indent = "", prefix = "", level = 0): string {
  const nl = indent ? "\n" + prefix + indent.repeat(level + 1) : "";
  const end = indent ? "\n" + prefix + indent.repeat(level) : "";
  if (v === null) return "null";
  switch (typeof v) {
    case "boolean":
      return String(v);
    case "number":
    case "bigint":
      return jsonNumber(v);
    case "string":
      return JSON.stringify(v).replace(
        /[<>&\u2028\u2029]/g,
        (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
      );
  }
  const items = Array.isArray(v) ? v : v instanceof RSet ? v.sorted() : null;
  if (items) {
    if (!items.length) return "[]";
    return (
      "[" +
      nl +
      items.map((x) => toJSON(x, indent, prefix, level + 1)).join("," + nl) +
      end +
      "]"
    );
  }
  const es = (v as RObject)
    .sortedEntries()
    .map(
      ([k, x]) => [typeof k === "string" ? k : toJSON(k), x] as [string, Value],
    );
  es.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (!es.length) return "{}";
  const sep = indent ? ": " : ":";
  return (
    "{" +
    nl +
    es
      .map(([k, x]) => toJSON(k) + sep + toJSON(x, indent, prefix, level + 1))
      .join("," + nl) +
    end +
    "}"
  );
}

function jsonNumber(n: number | bigint): string {
  if (typeof n === "number" && !Number.isInteger(n)) return String(n);
  return formatNumber(n);
}

/** Parses JSON keeping big integers exact. */
export function parseJSON(text: string): Value {
  const raw = JSON.parse(text, (_k, v: unknown, ctx?: { source?: string }) => {
    if (
      typeof v === "number" &&
      ctx?.source &&
      /^-?\d+$/.test(ctx.source) &&
      !Number.isSafeInteger(v)
    )
      return parseNumber(ctx.source);
    return v;
  }) as unknown;
  return fromJS(raw);
}

register("json.marshal", 1, ([v]) => toJSON(v!));
register("json.marshal_with_options", 2, ([v, o]) => {
  if (!(o instanceof RObject)) throw typeErr(2, "object", o!);
  const pretty = o.get("pretty");
  const indent = o.get("indent");
  const prefix = o.get("prefix");
  const ind = typeof indent === "string" ? indent : "\t";
  const pre = typeof prefix === "string" ? prefix : "";
  if (
    pretty === false ||
    (pretty === undefined && indent === undefined && prefix === undefined)
  )
    return toJSON(v!);
  return pre + toJSON(v!, ind, pre);
});
register("json.unmarshal", 1, ([s]) => {
  try {
    return parseJSON(str(s!, 1));
  } catch (e) {
    if (e instanceof BuiltinError) throw e;
    throw new BuiltinError((e as Error).message);
  }
});
register("json.is_valid", 1, ([s]) => {
  if (typeof s !== "string") return false;
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
});

function yamlToValue(text: string): Value {
  const docs = text;
  try {
    return fromJS(
      parseYaml(docs, { intAsBigInt: true, schema: "core" }) as unknown,
    );
  } catch (e) {
    throw new BuiltinError(`yaml: ${(e as Error).message}`);
  }
}
register("yaml.unmarshal", 1, ([s]) => yamlToValue(str(s!, 1)));
register("yaml.marshal", 1, ([v]) => stringifyYaml(toJS(v!)));
register("yaml.is_valid", 1, ([s]) => {
  if (typeof s !== "string") return false;
  try {
    parseYaml(s);
    return true;
  } catch {
    return false;
  }
});

export { compare, typeName };
