import { RObject, RSet, type Value } from "../value.js";

/** Formats a number as Go's %v / OPA's JSON output does. */
export function formatNumber(n: number | bigint): string {
  if (typeof n === "bigint") return n.toString();
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n).replace("e+", "e+");
}

/** Formats a value as Rego text (strings quoted, sets as {…}). */
export function formatValue(v: Value): string {
  if (v === null) return "null";
  switch (typeof v) {
    case "boolean":
      return String(v);
    case "number":
    case "bigint":
      return formatNumber(v);
    case "string":
      return JSON.stringify(v);
  }
  if (Array.isArray(v)) return "[" + v.map(formatValue).join(", ") + "]";
  if (v instanceof RSet) {
    if (v.size === 0) return "set()";
    return "{" + v.sorted().map(formatValue).join(", ") + "}";
  }
  return (
    "{" +
    (v as RObject)
      .sortedEntries()
      .map(([k, x]) => formatValue(k) + ": " + formatValue(x))
      .join(", ") +
    "}"
  );
}
