import type { Resource } from "../../manifests/Resource.js";
import { isObject } from "../../manifests/toResources.js";

const MIN_SECRET_LENGTH = 4;

/**
 * Replaces the values of a Secret (as written and base64-decoded) in a
 * policy's message by `***`: an org policy may print what it inspects, but
 * findings must never carry a secret value.
 */
export function maskSecretValues(message: string, resource?: Resource): string {
  if (!resource || resource.kind !== "Secret") return message;
  const values = secretValues(resource.object).sort(
    (a, b) => b.length - a.length,
  );
  let out = message;
  for (const v of values) out = out.split(v).join("***");
  return out;
}

function secretValues(o: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const section of ["data", "stringData"]) {
    const map = o[section];
    if (!isObject(map)) continue;
    for (const v of Object.values(map)) {
      if (typeof v !== "string") continue;
      out.push(v);
      if (section === "data")
        out.push(Buffer.from(v, "base64").toString("utf8"));
    }
  }
  return out.filter((v) => v.trim().length >= MIN_SECRET_LENGTH);
}
