import { isObject } from "../../manifests/toResources.js";

/** Text a masked Secret value is shown as. */
export const MASK = "<masked>";

/**
 * Masks the values of a Secret's `data` and `stringData` in both sides of
 * a diff. Equal values read `<masked>` on both sides; a changed value
 * reads `<masked: changed>` in head, so the diff still shows that it
 * changed without showing it. Other kinds are returned as they are.
 */
export function maskSecrets(
  base: Record<string, unknown> | undefined,
  head: Record<string, unknown> | undefined,
): {
  base?: Record<string, unknown>;
  head?: Record<string, unknown>;
  masked: boolean;
} {
  const secret = (o?: Record<string, unknown>) => o?.["kind"] === "Secret";
  if (!secret(base) && !secret(head))
    return { ...(base && { base }), ...(head && { head }), masked: false };
  const out: {
    base?: Record<string, unknown>;
    head?: Record<string, unknown>;
    masked: boolean;
  } = { masked: true };
  if (base) out.base = maskObject(base, undefined);
  if (head) out.head = maskObject(head, base);
  return out;
}

function maskObject(
  o: Record<string, unknown>,
  other: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...o };
  for (const field of ["data", "stringData"]) {
    const values = o[field];
    if (!isObject(values)) continue;
    const before = other && isObject(other[field]) ? other[field] : undefined;
    copy[field] = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [
        k,
        before && k in before && before[k] !== v
          ? `${MASK.slice(0, -1)}: changed>`
          : MASK,
      ]),
    );
  }
  // The last-applied annotation can repeat the values in clear.
  const meta = o["metadata"];
  if (isObject(meta) && isObject(meta["annotations"])) {
    const ann = { ...meta["annotations"] };
    const key = "kubectl.kubernetes.io/last-applied-configuration";
    if (key in ann) ann[key] = MASK;
    copy["metadata"] = { ...meta, annotations: ann };
  }
  return copy;
}
