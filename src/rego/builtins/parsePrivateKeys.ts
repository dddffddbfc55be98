import { createPrivateKey, type KeyObject } from "node:crypto";
import { RObject, type Value } from "../value.js";
import { decodePemInput, type PemBlock } from "./pemInput.js";
import { BuiltinError, register } from "./registry.js";
import { str } from "./strings.js";

const DER_TYPES: Record<string, "pkcs1" | "sec1" | "pkcs8"> = {
  "RSA PRIVATE KEY": "pkcs1",
  "EC PRIVATE KEY": "sec1",
  "PRIVATE KEY": "pkcs8",
};

/** Parses one PEM private-key block; undefined for other block types. */
export function privateKeyOf(b: PemBlock): KeyObject | undefined {
  const type = DER_TYPES[b.label];
  if (!type) return undefined;
  try {
    return createPrivateKey({ key: b.der, format: "der", type });
  } catch (e) {
    throw new BuiltinError(
      `failed to parse ${b.label}`,
      "eval_builtin_error",
      false,
      e,
    );
  }
}

/** A private key as a Rego object (its JWK members, sorted by name). */
export function keyValue(k: KeyObject): Value {
  const jwk = k.export({ format: "jwk" }) as Record<string, string>;
  return RObject.from(Object.entries(jwk).sort());
}

/**
 * `crypto.parse_private_keys(keys)`: every private key in PEM text (or
 * base64 of PEM text); `null` for empty input, `[]` when none is found.
 */
export function parsePrivateKeys(input: string): Value {
  if (input === "") return null;
  const dec = decodePemInput(input);
  if (dec.kind === "der") return [];
  const out: Value[] = [];
  for (const b of dec.blocks) {
    const k = privateKeyOf(b);
    if (k) out.push(keyValue(k));
  }
  return out;
}

register("crypto.parse_private_keys", 1, ([s]) => parsePrivateKeys(str(s!, 1)));
