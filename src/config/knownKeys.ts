import { configJsonSchema } from "./configJsonSchema.js";

interface Node {
  properties?: Record<string, Node>;
  additionalProperties?: Node | boolean;
  items?: Node;
  anyOf?: Node[];
}

let schema: Node | undefined;

/**
 * The keys the config schema allows at a key path (for "did you mean"
 * hints). Map values (`environments.<name>`) and list items are followed.
 */
export function knownKeys(path: readonly (string | number)[]): string[] {
  schema ??= configJsonSchema() as Node;
  let node: Node | undefined = schema;
  for (const seg of path) {
    if (!node) return [];
    node = step(node, seg);
  }
  return Object.keys(node?.properties ?? {}).filter((k) => k !== "_extends");
}

function step(node: Node, seg: string | number): Node | undefined {
  if (typeof seg === "number") return node.items ?? node.anyOf?.[0]?.items;
  const direct = node.properties?.[seg];
  if (direct) return direct;
  const extra = node.additionalProperties;
  return typeof extra === "object" ? extra : undefined;
}
