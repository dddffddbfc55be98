import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type Node,
} from "yaml";
import type { FieldPath } from "./Resource.js";

/**
 * A plain (unquoted, untagged) scalar that kubectl, Argo CD, Flux and
 * kubeconform read as another value than our YAML 1.2 parser does: they
 * decode through sigs.k8s.io/yaml, which resolves scalars the YAML 1.1
 * way of go-yaml v2 (`yes` is `true`, `0777` is 511, `1_000` is 1000).
 */
export interface Yaml11Scalar {
  /** Where the value sits in the document. */
  path: FieldPath;
  /** The scalar as written. */
  text: string;
  /** What those tools read. */
  value: boolean | number;
}

const TRUE = ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"];
const FALSE = ["n", "N", "no", "No", "NO", "off", "Off", "OFF"];
const BOOLS = new Map<string, boolean>([
  ...TRUE.map((t): [string, boolean] => [t, true]),
  ...FALSE.map((t): [string, boolean] => [t, false]),
]);
// Go's strconv.ParseInt(s, 0, 64) syntax, after go-yaml v2 drops `_`.
const GO_INT =
  /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9]\d*|0)$/;
// go-yaml v2's yamlStyleFloat.
const GO_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/**
 * How go-yaml v2 reads a plain scalar, when that is a boolean or a
 * number; undefined for strings, nulls and the special floats (which
 * YAML 1.2 reads the same way).
 * @example goYamlScalar("on") // true
 * @example goYamlScalar("0777") // 511
 */
export function goYamlScalar(text: string): boolean | number | undefined {
  const bool = BOOLS.get(text);
  if (bool !== undefined) return bool;
  if (!/^[-+0-9.]/.test(text)) return undefined;
  const plain = text.replace(/_/g, "");
  const int = GO_INT.exec(plain);
  if (int) return goInt(int[1] ?? "", int[2] ?? "");
  return GO_FLOAT.test(plain) ? Number(plain) : undefined;
}

const RADIX: readonly [RegExp, number][] = [
  [/^0[xX]/, 16],
  [/^0[bB]/, 2],
  [/^0[oO]?\d/, 8],
];

function goInt(sign: string, digits: string): number | undefined {
  const radix = RADIX.find(([re]) => re.test(digits))?.[1] ?? 10;
  const body = radix === 10 ? digits : digits.replace(/^0[xXoObB]?/, "");
  const n = parseInt(body === "" ? "0" : body, radix);
  if (!Number.isSafeInteger(n)) return undefined;
  return sign === "-" ? -n : n;
}

/**
 * The plain scalars of a parsed document that go-yaml v2 reads
 * differently from the YAML 1.2 value we hold. Aliases of scalars are
 * followed; merge keys (`<<`) and map keys are not.
 */
export function yaml11Scalars(doc: Document.Parsed): Yaml11Scalar[] {
  const out: Yaml11Scalar[] = [];
  // One path stack for the whole walk: parsing runs on every file, so
  // only a recorded scalar copies it.
  walk(doc, doc.contents as Node | null, [], out);
  return out;
}

function walk(
  doc: Document.Parsed,
  node: Node | null | undefined,
  path: (string | number)[],
  out: Yaml11Scalar[],
): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      if (typeof pair.key.value === "symbol") continue;
      path.push(String(pair.key.value));
      walk(doc, pair.value as Node | null, path, out);
      path.pop();
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      path.push(i);
      walk(doc, item as Node, path, out);
      path.pop();
    });
  } else if (isAlias(node)) {
    const target = node.resolve(doc);
    if (isScalar(target)) walk(doc, target, path, out);
  } else if (isScalar(node) && node.type === "PLAIN" && !node.tag) {
    const text = node.source ?? String(node.value);
    const value = goYamlScalar(text);
    if (value !== undefined && value !== node.value) {
      out.push({ path: [...path], text, value });
    }
  }
}

/**
 * A copy of `value` with each scalar replaced by what go-yaml v2 reads
 * (the object kubectl sends); `value` itself is not changed.
 */
export function asYaml11(
  value: unknown,
  scalars: readonly Yaml11Scalar[],
): unknown {
  let out = value;
  for (const s of scalars) out = setAt(out, s.path, s.value);
  return out;
}

function setAt(node: unknown, path: FieldPath, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(node) && typeof head === "number") {
    const copy = [...node];
    copy[head] = setAt(node[head], rest, value);
    return copy;
  }
  if (typeof node === "object" && node !== null) {
    const record = node as Record<string, unknown>;
    const key = String(head);
    if (!Object.hasOwn(record, key)) return node;
    return { ...record, [key]: setAt(record[key], rest, value) };
  }
  return node;
}
