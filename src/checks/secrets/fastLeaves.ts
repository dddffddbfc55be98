import { parse } from "yaml";
import type { YamlDoc, YamlLeaf } from "./yamlLeaves.js";

/** Top-level blocks whose direct children the decoders read. */
const BLOCKS = new Set(["metadata", "data", "stringData"]);

/** Values the fast path cannot read: flow, anchors, aliases, tags, escapes. */
const UNSUPPORTED = /^(?:[{[&*!%@`]|"[^"]*\\|'[^']*'')/;

const TOP = /^([A-Za-z_][\w.-]*):(?:\s+(.*))?$/;
const CHILD = /^( +)([A-Za-z0-9_.-]+):(?:\s+(.*))?$/;
const BLOCK_SCALAR = /^\|[-+]?$/;

/** Kinds the fast path reads; everything else goes to the parser. */
const KINDS = new Set(["Secret", "ConfigMap"]);

/**
 * Reads a plain Secret or ConfigMap document line by line: top-level
 * scalars and the direct children of `metadata`, `data` and `stringData`.
 * Returns undefined as soon as the document uses anything else (flow
 * collections, anchors, tags, escapes, multi-line plain scalars, sops
 * metadata), and the caller falls back to the YAML parser. Parsing is the
 * check's main cost; most Secrets and ConfigMaps are this simple.
 */
export function fastLeaves(text: string, firstLine = 1): YamlDoc | undefined {
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const doc: YamlDoc = { top: {}, leaves: [], spans: {} };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (isBlank(line) || (i === 0 && /^---(?:\s|$)/.test(line))) {
      i++;
      continue;
    }
    const m = TOP.exec(line);
    if (!m?.[1] || m[1] === "sops" || line.includes("\t")) return undefined;
    const next = readTop(lines, i, m[1], m[2], firstLine, doc);
    if (next === undefined) return undefined;
    i = next;
  }
  return KINDS.has(doc.top["kind"] ?? "") ? doc : undefined;
}

function readTop(
  lines: readonly string[],
  i: number,
  key: string,
  raw: string | undefined,
  firstLine: number,
  doc: YamlDoc,
): number | undefined {
  const line = firstLine + i;
  const end = blockEnd(lines, i, 0);
  doc.spans[key] = [line, firstLine + end - 1];
  if (key === "metadata" && /^\{.*\}$/.test(stripComment(raw ?? ""))) {
    doc.top[key] = "";
    return flowMetadata(stripComment(raw ?? ""), line, doc) ? end : undefined;
  }
  if (raw !== undefined && stripComment(raw) !== "") {
    const value = scalar(raw);
    if (value === undefined || !allBlank(lines, i + 1, end)) return undefined;
    doc.top[key] = value;
    doc.leaves.push({ path: [key], line, value, block: false });
    return end;
  }
  doc.top[key] = "";
  if (!BLOCKS.has(key)) return end;
  return readChildren(lines, i + 1, end, key, firstLine, doc) ? end : undefined;
}

function readChildren(
  lines: readonly string[],
  from: number,
  to: number,
  parent: string,
  firstLine: number,
  doc: YamlDoc,
): boolean {
  let indent = -1;
  let i = from;
  while (i < to) {
    const line = lines[i] ?? "";
    if (isBlank(line)) {
      i++;
      continue;
    }
    const m = CHILD.exec(line);
    const width = m?.[1]?.length ?? 0;
    if (!m?.[2] || (indent !== -1 && width !== indent)) return false;
    indent = width;
    const end = blockEnd(lines, i, indent);
    const leaf = childLeaf(lines, i, end, m[3], indent);
    if (leaf === undefined && (parent !== "metadata" || !isNested(m[3]))) {
      return false;
    }
    if (leaf !== undefined) {
      doc.leaves.push({ ...leaf, path: [parent, m[2]], line: firstLine + i });
    }
    i = end;
  }
  return true;
}

function childLeaf(
  lines: readonly string[],
  i: number,
  end: number,
  raw: string | undefined,
  indent: number,
): Omit<YamlLeaf, "path" | "line"> | undefined {
  const v = stripComment(raw ?? "");
  if (BLOCK_SCALAR.test(v)) {
    const body = lines.slice(i + 1, end);
    const cut = Math.min(...body.filter((l) => !isBlank(l)).map(indentOf));
    const text = body
      .map((l) => (indentOf(l) >= cut ? l.slice(cut) : ""))
      .join("\n");
    return cut > indent
      ? { value: text.replace(/\n*$/, "\n"), block: true }
      : undefined;
  }
  const value = scalar(v);
  return value !== undefined && allBlank(lines, i + 1, end)
    ? { value, block: false }
    : undefined;
}

/** `metadata: {name: x, namespace: y}` on one line: name and namespace. */
function flowMetadata(raw: string, line: number, doc: YamlDoc): boolean {
  let value: unknown;
  try {
    value = parse(raw, { maxAliasCount: 0 });
  } catch (cause) {
    // Not a plain flow map: the caller falls back to the full parser.
    void cause;
    return false;
  }
  if (typeof value !== "object" || value === null) return false;
  for (const field of ["name", "namespace"]) {
    const v = (value as Record<string, unknown>)[field];
    if (typeof v === "string") {
      doc.leaves.push({
        path: ["metadata", field],
        line,
        value: v,
        block: false,
      });
    }
  }
  return true;
}

/** A nested map under metadata (labels, annotations): skipped. */
function isNested(raw: string | undefined): boolean {
  return stripComment(raw ?? "") === "";
}

/** Index of the first line after the block that starts at `i`. */
function blockEnd(lines: readonly string[], i: number, indent: number): number {
  let j = i + 1;
  while (j < lines.length) {
    const line = lines[j] ?? "";
    if (!isBlank(line) && indentOf(line) <= indent) break;
    j++;
  }
  return j;
}

/** A single-line scalar's value, or undefined when it needs the parser. */
function scalar(raw: string): string | undefined {
  const v = stripComment(raw);
  if (UNSUPPORTED.test(v)) return undefined;
  const quoted = /^(["'])(.*)\1$/.exec(v);
  if (quoted) return quoted[2];
  if (/^["']/.test(v) || v.includes(": ")) return undefined;
  return v === "~" || v === "null" ? "" : v;
}

function stripComment(raw: string): string {
  if (/^["']/.test(raw.trim())) return raw.trim();
  return raw.replace(/(?:^|\s+)#.*$/, "").trim();
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function allBlank(lines: readonly string[], from: number, to: number): boolean {
  return lines.slice(from, to).every(isBlank);
}

function isBlank(line: string): boolean {
  return line.trim() === "" || /^\s*#/.test(line);
}
