import type { Finding } from "../../findings/finding.js";
import { isObject } from "../../manifests/toResources.js";
import type { DataFile } from "./loadPolicyFiles.js";
import { policyFinding } from "./policyFinding.js";

/**
 * Merges data files into one `data` document: each file's value lands
 * at its prefix, and objects merge deeply. Two files that set the same non-object key conflict, as in
 * OPA's loader: the first wins and the second becomes an error finding.
 */
export function dataDocument(files: readonly DataFile[]): {
  data: Record<string, unknown>;
  problems: Finding[];
} {
  const data: Record<string, unknown> = {};
  const problems: Finding[] = [];
  for (const f of files) {
    const conflict = mergeAt(data, f.prefix, f.value);
    if (conflict !== undefined) {
      problems.push(
        policyFinding(
          "policy/data-merge-failed",
          "error",
          `policy data file conflicts with another data file at ` +
            `data.${conflict}`,
          { path: f.path, line: 1 },
        ),
      );
    }
  }
  return { data, problems };
}

/** Merges `value` at `prefix`; returns the conflicting path, if any. */
function mergeAt(
  target: Record<string, unknown>,
  prefix: readonly string[],
  value: unknown,
): string | undefined {
  let node = target;
  for (let i = 0; i < prefix.length; i++) {
    const key = prefix[i]!;
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (next === undefined) setOwn(node, key, {});
    else if (!isObject(next)) return prefix.slice(0, i + 1).join(".");
    node = node[key] as Record<string, unknown>;
  }
  if (!isObject(value)) {
    return prefix.length > 0 && Object.keys(node).length === 0
      ? assignLeaf(target, prefix, value)
      : prefix.join(".") || "(root)";
  }
  return mergeObjects(node, value, prefix);
}

function assignLeaf(
  target: Record<string, unknown>,
  prefix: readonly string[],
  value: unknown,
): undefined {
  let node = target;
  for (const key of prefix.slice(0, -1)) {
    node = node[key] as Record<string, unknown>;
  }
  setOwn(node, prefix[prefix.length - 1]!, value);
  return undefined;
}

function mergeObjects(
  into: Record<string, unknown>,
  from: Record<string, unknown>,
  at: readonly string[],
): string | undefined {
  for (const [key, v] of Object.entries(from)) {
    const here = [...at, key];
    const existing = Object.hasOwn(into, key) ? into[key] : undefined;
    if (existing === undefined) {
      setOwn(into, key, v);
    } else if (isObject(existing) && isObject(v)) {
      const c = mergeObjects(existing, v, here);
      if (c !== undefined) return c;
    } else {
      return here.join(".");
    }
  }
  return undefined;
}

/** Defines an own property, so a `__proto__` key from JSON stays data. */
function setOwn(o: Record<string, unknown>, key: string, v: unknown): void {
  Object.defineProperty(o, key, {
    value: v,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
