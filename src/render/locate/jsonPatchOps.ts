import type { Location } from "../../findings/finding.js";
import type { FieldPath } from "../../manifests/Resource.js";
import type { YamlDocument } from "../../manifests/parseYaml.js";
import { isObject } from "../../manifests/toResources.js";
import { matchDepth } from "./matchDepth.js";

/** Operations that leave their `path` holding a value they chose. */
const SETTING = new Set(["add", "replace", "copy", "move"]);

/**
 * The line of the last operation of a JSON6902 patch (a document holding a
 * list of ops) that set `field` of the rendered `object` or a field above
 * it: inside the op's `value` as deep as it reaches, else the op itself.
 * Ops whose path the rendered object does not have are ignored.
 *
 * @example for `- op: replace\n  path: /spec/ports/0/port\n  value: 8080`
 * the field `spec.ports.0.port` is located on the `value:` line.
 */
export function jsonPatchLine(
  object: unknown,
  field: FieldPath,
  doc: YamlDocument,
): Location | undefined {
  const ops = Array.isArray(doc.value) ? doc.value : [];
  let found: Location | undefined;
  ops.forEach((op, i) => {
    if (!isObject(op) || !SETTING.has(String(op["op"]))) return;
    const at = resolvePointer(object, op["path"]);
    if (!at || !covers(field, at.path)) return;
    if (!("value" in op)) {
      found = doc.locate([i]);
      return;
    }
    const rest = field.slice(at.path.length);
    const m = matchDepth(at.value, op["value"], rest);
    found = doc.locate([i, "value", ...m.path]);
  });
  return found;
}

/** A JSON pointer followed through `object`, `-` being the last item. */
function resolvePointer(
  object: unknown,
  pointer: unknown,
): { path: (string | number)[]; value: unknown } | undefined {
  if (typeof pointer !== "string" || !pointer.startsWith("/")) return undefined;
  const path: (string | number)[] = [];
  let v = object;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(v)) {
      const i = token === "-" ? v.length - 1 : Number(token);
      if (!Number.isInteger(i) || i < 0 || i >= v.length) return undefined;
      path.push(i);
      v = v[i];
    } else if (isObject(v) && token in v) {
      path.push(token);
      v = v[token];
    } else {
      return undefined;
    }
  }
  return { path, value: v };
}

function covers(field: FieldPath, prefix: FieldPath): boolean {
  return (
    prefix.length <= field.length &&
    prefix.every((seg, i) => String(seg) === String(field[i]))
  );
}
