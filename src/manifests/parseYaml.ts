import {
  LineCounter,
  parseAllDocuments,
  isMap,
  isSeq,
  isScalar,
  isPair,
  type Document,
  type Node,
  type YAMLError,
} from "yaml";
import type { Finding, Location } from "../findings/finding.js";
import type { FieldPath } from "./Resource.js";
import { yaml11Scalars, type Yaml11Scalar } from "./yaml11.js";

/** Limits that protect the parser from hostile input. */
export interface YamlLimits {
  /** Files larger than this are reported, not parsed. */
  maxFileBytes: number;
  /** Cap on alias expansion (YAML "billion laughs"). */
  maxAliasCount: number;
}

/** Defaults for {@link YamlLimits}. */
export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxAliasCount: 1000,
};

/** One YAML document of a file, with positions. */
export interface YamlDocument {
  /** 0-based index of the document in its file. */
  index: number;
  /** The document as JSON-compatible data (`null` when empty). */
  value: unknown;
  /** Position of the document's content. */
  source: Location;
  /** Where a field of this document is defined. */
  locate(field: FieldPath): Location;
  /**
   * Plain scalars that kubectl, Argo CD and Flux (YAML 1.1) read
   * differently from `value` (YAML 1.2): `yes`, `0777`, `1_000`.
   */
  yaml11: readonly Yaml11Scalar[];
}

/** What parsing one file gives: the usable documents and the problems. */
export interface ParsedYamlFile {
  path: string;
  documents: YamlDocument[];
  problems: Finding[];
}

const DUPLICATE_KEY = "DUPLICATE_KEY";

/**
 * Parses a multi-document YAML file, keeping the line of each document and
 * each field. Never throws: every problem becomes a `yaml` finding on the
 * file, and the documents that could be read are still returned.
 *
 * @param path - path relative to the checked directory, used in findings
 * @param content - the file's bytes (BOM, CRLF and binary data handled)
 */
export function parseYaml(
  path: string,
  content: Buffer | string,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
): ParsedYamlFile {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  const refused = refuseContent(path, bytes, limits);
  if (refused) return { path, documents: [], problems: [refused] };
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    // kubectl, Argo CD and Flux read YAML 1.1, where `<<: *anchor` merges.
    merge: true,
    strict: false,
    // Problems become findings; the library must not print warnings
    // (a Go template's `{{ x }}` key) to the console.
    logLevel: "error",
  });
  const out: ParsedYamlFile = { path, documents: [], problems: [] };
  const list = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs)) {
    out.problems.push(problem(path, 1, "yaml/parse", "empty stream"));
  }
  // An error at the end of the stream sits past the last newline: point
  // at the file's last line, which exists, not at the one after it.
  const lastLine = Math.max(1, lineCounter.linePos(text.trimEnd().length).line);
  const lineOf = (offset: number) =>
    Math.min(lineCounter.linePos(offset).line, lastLine);
  list.forEach((doc, index) => {
    const fatal = reportErrors(path, text, doc, lineOf, out.problems);
    if (fatal) return;
    const parsed = toDocument(path, doc, index, lineOf, limits, out.problems);
    if (parsed) out.documents.push(parsed);
  });
  return out;
}

function refuseContent(
  path: string,
  bytes: Buffer,
  limits: YamlLimits,
): Finding | undefined {
  if (bytes.length > limits.maxFileBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return problem(
      path,
      1,
      "yaml/too-large",
      `file is ${mb(bytes.length)} MB, over the ${mb(limits.maxFileBytes)} MB ` +
        "limit for YAML files; it was not parsed",
    );
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) {
    return problem(
      path,
      1,
      "yaml/binary",
      "file has binary content (NUL bytes), not YAML text",
    );
  }
  return undefined;
}

function reportErrors(
  path: string,
  text: string,
  doc: Document.Parsed,
  lineOf: (offset: number) => number,
  problems: Finding[],
): boolean {
  let fatal = false;
  const reported = new Set<number>();
  for (const err of firstCauseFirst(doc.errors)) {
    const line = lineOf(err.pos[0]);
    // One parse error per line: the parser's follow-on errors repeat it.
    if (err.code !== DUPLICATE_KEY && reported.has(line)) {
      fatal = true;
      continue;
    }
    if (err.code !== DUPLICATE_KEY) reported.add(line);
    const duplicate = err.code === DUPLICATE_KEY;
    if (!duplicate) fatal = true;
    const rule = duplicate ? "yaml/duplicate-key" : "yaml/parse";
    const message = duplicate
      ? duplicateKeyMessage(keyAt(text, err.pos[0]))
      : firstLine(err.message);
    problems.push(problem(path, line, rule, message));
  }
  return fatal;
}

/**
 * The parser's errors with a tab used as indentation first: it is the
 * cause of the errors it reports beside it on the same line.
 */
function firstCauseFirst(errors: readonly YAMLError[]): YAMLError[] {
  const tab = (e: YAMLError) => (e.code === "TAB_AS_INDENT" ? 0 : 1);
  return [...errors].sort((a, b) => tab(a) - tab(b));
}

/** The text of the mapping key that starts at `offset` (up to its `:`). */
function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  const m = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:#\n]+?)\s*:/.exec(rest);
  return m?.[1] ?? "";
}

/**
 * Names the repeated key. Its text is only shown when short and on one
 * line: a key can be anything, a credential included, and a long one is
 * cut to a masked preview elsewhere anyway.
 */
function duplicateKeyMessage(keyText: string): string {
  const key = keyText.trim();
  const shown =
    key !== "" && key.length <= 64 && !/[\r\n]/.test(key) ? ` ${key}` : "";
  return (
    `duplicate key${shown} in one mapping: keys must be unique ` +
    "(tools disagree on which value wins, or refuse the file)"
  );
}

function toDocument(
  path: string,
  doc: Document.Parsed,
  index: number,
  lineOf: (offset: number) => number,
  limits: YamlLimits,
  problems: Finding[],
): YamlDocument | undefined {
  const contents = doc.contents as Node | null;
  const start = contents?.range?.[0] ?? doc.range[0];
  const source: Location = { path, line: lineOf(start) };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    problems.push(problem(path, source.line ?? 1, "yaml/alias", reason));
    return undefined;
  }
  const locate = (field: FieldPath): Location => {
    const node = findNode(contents, field);
    return node === undefined ? source : { path, line: lineOf(node) };
  };
  return { index, value, source, locate, yaml11: yaml11Scalars(doc) };
}

/** Offset of the deepest node (or map key) that `field` reaches. */
function findNode(root: Node | null, field: FieldPath): number | undefined {
  let node: unknown = root;
  let offset = root?.range?.[0];
  for (const seg of field) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg,
      );
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

function problem(
  path: string,
  line: number,
  ruleId: string,
  message: string,
): Finding {
  return {
    check: "yaml",
    ruleId,
    severity: "error",
    message,
    location: { path, line },
  };
}
