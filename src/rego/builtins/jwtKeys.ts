import { createPublicKey, X509Certificate, type KeyObject } from "node:crypto";
import { BuiltinError } from "./registry.js";

/** Public keys from a PEM certificate / public key, a JWK or a JWK set. */
export function publicKeys(
  material: string,
): { key: KeyObject; kid?: string; alg?: string }[] {
  const t = material.trim();
  if (t.startsWith("{")) return jwkKeys(t);
  if (t.startsWith("-----BEGIN CERTIFICATE")) {
    const blocks =
      t.match(
        /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g,
      ) ?? [];
    const rest = t
      .replace(
        /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g,
        "",
      )
      .trim();
    if (rest)
      throw new BuiltinError("extra data after a PEM certificate block");
    try {
      return blocks.map((b) => ({ key: new X509Certificate(b).publicKey }));
    } catch (e) {
      throw new BuiltinError(
        "failed to parse a PEM certificate",
        "eval_builtin_error",
        false,
        e,
      );
    }
  }
  if (t.startsWith("-----BEGIN")) {
    try {
      return [{ key: createPublicKey(t) }];
    } catch (e) {
      throw new BuiltinError(
        "failed to extract a Key from the PEM certificate",
        "eval_builtin_error",
        false,
        e,
      );
    }
  }
  throw new BuiltinError("failed to extract a Key from the PEM certificate");
}

function jwkKeys(
  text: string,
): { key: KeyObject; kid?: string; alg?: string }[] {
  try {
    const doc = JSON.parse(text) as {
      keys?: Record<string, unknown>[];
    } & Record<string, unknown>;
    const list = Array.isArray(doc.keys) ? doc.keys : [doc];
    return list.map((j) => ({
      key: createPublicKey({ key: j as never, format: "jwk" }),
      kid: typeof j.kid === "string" ? j.kid : undefined,
      alg: typeof j.alg === "string" ? j.alg : undefined,
    }));
  } catch (e) {
    throw new BuiltinError(
      "failed to parse a JWK key (set)",
      "eval_builtin_error",
      false,
      e,
    );
  }
}
