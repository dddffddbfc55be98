/** A JSON Schema node, as far as the reference reads it. */
interface Node {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
  additionalProperties?: Node | boolean;
}

/**
 * The config reference as a Markdown table (key, type, default,
 * description), generated from the JSON Schema so docs never drift.
 */
export function configReference(schema: Record<string, unknown>): string {
  const rows: string[] = [];
  walk(schema as Node, "", rows);
  return [
    "| key | type | default | description |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

function walk(node: Node, path: string, rows: string[]): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const at = path ? `${path}.${key}` : key;
    if (key === "_extends") continue;
    rows.push(
      `| \`${at}\` | ${typeOf(child)} | ${defaultOf(child)} | ` +
        `${(child.description ?? "").replace(/\|/g, "\\|")} |`,
    );
    walk(child, at, rows);
    const values = child.additionalProperties;
    if (typeof values === "object") walk(values, `${at}.<name>`, rows);
    if (child.items?.properties) walk(child.items, `${at}[]`, rows);
  }
}

function typeOf(n: Node): string {
  if (n.enum) return n.enum.map((v) => `\`${String(v)}\``).join(" \\| ");
  if (n.anyOf) return n.anyOf.map(typeOf).join(" \\| ");
  if (n.type === "array") return `${n.items ? typeOf(n.items) : "any"}[]`;
  if (n.type === "object" && typeof n.additionalProperties === "object") {
    return "map";
  }
  return Array.isArray(n.type) ? n.type.join(" \\| ") : (n.type ?? "any");
}

function defaultOf(n: Node): string {
  if (n.default === undefined) return "";
  const text = JSON.stringify(n.default);
  return text.length > 40 ? "(see schema)" : `\`${text}\``;
}
