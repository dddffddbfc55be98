import type { FoundObject } from "../apps/scanObjects.js";
import { isObject } from "../../manifests/toResources.js";

/** The string data of a ConfigMap or Secret (Secret data decoded). */
export function dataOf(o: FoundObject): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (src: unknown, decode: boolean) => {
    if (!isObject(src)) return;
    for (const [k, v] of Object.entries(src)) {
      if (v === null || v === undefined) continue;
      out[k] = decode
        ? Buffer.from(String(v), "base64").toString("utf8")
        : String(v);
    }
  };
  if (o.kind === "Secret") {
    put(o.object["data"], true);
    put(o.object["stringData"], false);
  } else {
    put(o.object["data"], false);
  }
  return out;
}

/** The ConfigMap or Secret of the repo with that kind, name and namespace. */
export function findData(
  objects: readonly FoundObject[],
  kind: unknown,
  name: unknown,
  namespace: string | undefined,
): FoundObject | undefined {
  return objects.find(
    (o) =>
      o.kind === kind &&
      o.apiVersion === "v1" &&
      o.name === name &&
      (o.namespace === undefined ||
        namespace === undefined ||
        o.namespace === namespace),
  );
}
