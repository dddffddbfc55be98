import { isObject } from "../../manifests/toResources.js";

/**
 * Whether a kustomize patch `target` selects `object`, judged by what the
 * rendered object still shows: group, version, kind, namespace and name
 * (a regular expression, as kustomize reads it, tried against every name
 * the object had). Label and annotation selectors are not checked, so
 * this may say yes for a patch that did not apply.
 *
 * @param names - the rendered name and the names in its source files
 */
export function selects(
  target: Record<string, unknown>,
  object: Record<string, unknown>,
  names: readonly (string | undefined)[],
): boolean {
  const [group, version] = splitApiVersion(object["apiVersion"]);
  const metadata = isObject(object["metadata"]) ? object["metadata"] : {};
  const checks: [unknown, unknown][] = [
    [target["group"], group],
    [target["version"], version],
    [target["kind"], object["kind"]],
    [target["namespace"], metadata["namespace"]],
  ];
  const same = checks.every(
    ([want, got]) => want === undefined || matches(want, got),
  );
  const name = target["name"];
  return same && (name === undefined || names.some((n) => matches(name, n)));
}

/**
 * Patterns we run as regular expressions: kustomize uses RE2, which never
 * backtracks; JavaScript does, so a PR could stall the gate with a nested
 * quantifier. Only plain names, `.`, `*`, `|` and anchors qualify.
 */
const SAFE_PATTERN = /^[\w.\-|^$]*(?:\*[\w.\-|^$]*){0,3}$/;

function matches(want: unknown, got: unknown): boolean {
  if (typeof want !== "string" || typeof got !== "string") return false;
  if (want === got) return true;
  if (!SAFE_PATTERN.test(want)) return false;
  try {
    return new RegExp(`^(?:${want})$`).test(got);
  } catch {
    // An expression JavaScript cannot read (`*` first): plain text only.
    return false;
  }
}

function splitApiVersion(apiVersion: unknown): [string, string] {
  const v = typeof apiVersion === "string" ? apiVersion : "";
  const slash = v.indexOf("/");
  return slash < 0 ? ["", v] : [v.slice(0, slash), v.slice(slash + 1)];
}
