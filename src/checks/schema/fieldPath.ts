import type { FieldPath } from "../../manifests/Resource.js";

/**
 * Turns an ajv `instancePath` (`/spec/containers/0/image`) into a field
 * path, using the validated object to tell array indexes from map keys
 * that happen to be digits.
 */
export function toFieldPath(instancePath: string, root: unknown): FieldPath {
  if (instancePath === "") return [];
  const out: (string | number)[] = [];
  let node: unknown = root;
  for (const raw of instancePath.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const step = Array.isArray(node) ? Number(key) : key;
    out.push(step);
    node = child(node, step);
  }
  return out;
}

function child(node: unknown, step: string | number): unknown {
  if (typeof node !== "object" || node === null) return undefined;
  return (node as Record<string | number, unknown>)[step];
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Renders a field path the way kubectl and kubeconform users read it.
 * @example formatFieldPath(["spec", "containers", 0, "image"])
 *   // "spec.containers[0].image"
 * @example formatFieldPath(["metadata", "labels", "app.kubernetes.io/name"])
 *   // 'metadata.labels["app.kubernetes.io/name"]'
 */
export function formatFieldPath(path: FieldPath): string {
  let out = "";
  for (const step of path) {
    if (typeof step === "number") out += `[${step}]`;
    else if (PLAIN_KEY.test(step)) out += out === "" ? step : `.${step}`;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out === "" ? "(root)" : out;
}
