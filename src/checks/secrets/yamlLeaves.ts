import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Node,
} from "yaml";

/** A scalar of a YAML document with where it is. */
export interface YamlLeaf {
  /** Keys and indexes from the document root. */
  path: readonly (string | number)[];
  /** 1-based line of the key (of the item for sequences). */
  line: number;
  value: string;
  /** True for `|` and `>` scalars: content starts on the next line. */
  block: boolean;
}

/** One document: its top-level map keys and every scalar leaf. */
export interface YamlDoc {
  /** Top-level scalar values (`kind`, `apiVersion`); maps give `""`. */
  top: Record<string, string>;
  leaves: YamlLeaf[];
  /** 1-based first and last line of each top-level key's subtree. */
  spans: Record<string, [number, number]>;
}

/**
 * Parses YAML into scalar leaves with lines, for the secret decoders.
 * Aliases are not followed (no expansion bombs); documents with errors are
 * skipped, since the raw text is still scanned line by line. `firstLine`
 * numbers the lines of a document cut out of a larger file.
 */
export function yamlLeaves(text: string, firstLine = 1): YamlDoc[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, strict: false });
  if (!Array.isArray(docs)) return [];
  const lineOf = (offset: number) =>
    lineCounter.linePos(offset).line + firstLine - 1;
  const out: YamlDoc[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0 || !isMap(doc.contents)) continue;
    const parsed: YamlDoc = { top: {}, leaves: [], spans: {} };
    walk(doc.contents, [], 0, lineOf, parsed);
    out.push(parsed);
  }
  return out;
}

const MAX_DEPTH = 64;

function walk(
  node: unknown,
  path: (string | number)[],
  line: number,
  lineOf: (offset: number) => number,
  out: YamlDoc,
): void {
  if (path.length > MAX_DEPTH || isAlias(node)) return;
  if (isScalar(node)) {
    out.leaves.push(leaf(node, path, line));
  } else if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const at = lineOf(pair.key.range?.[0] ?? 0);
      if (path.length === 0) topLevel(key, pair.value, at, lineOf, out);
      walk(pair.value, [...path, key], at, lineOf, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const at = lineOf((item as Node | null)?.range?.[0] ?? 0) || line;
      walk(item, [...path, i], at, lineOf, out);
    });
  }
}

function leaf(
  node: { value: unknown; type?: string },
  path: (string | number)[],
  line: number,
): YamlLeaf {
  const block = node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED";
  const value = node.value === null ? "" : String(node.value);
  return { path, line, value, block };
}

function topLevel(
  key: string,
  value: unknown,
  line: number,
  lineOf: (offset: number) => number,
  out: YamlDoc,
): void {
  const node = value as Node | null;
  out.top[key] = isScalar(node) ? String(node.value) : "";
  const end = node?.range?.[1];
  out.spans[key] = [line, end === undefined ? line : lineOf(end - 1)];
}

/** One `---`-separated part of a YAML stream and its first line. */
export interface YamlPart {
  text: string;
  firstLine: number;
}

/**
 * Splits a YAML stream at its `---` lines, so that only the documents a
 * decoder cares about need parsing (a rendered stream may hold hundreds).
 */
export function splitYamlDocuments(text: string): YamlPart[] {
  const parts: YamlPart[] = [];
  const lines = text.split("\n");
  let start = 0;
  lines.forEach((line, i) => {
    if (i > start && /^---(?:\s|$)/.test(line)) {
      parts.push({
        text: lines.slice(start, i).join("\n"),
        firstLine: start + 1,
      });
      start = i;
    }
  });
  parts.push({ text: lines.slice(start).join("\n"), firstLine: start + 1 });
  return parts;
}
