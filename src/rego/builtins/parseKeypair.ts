import { X509Certificate, type KeyObject } from "node:crypto";
import { RObject, type Value } from "../value.js";
import { keyValue, privateKeyOf } from "./parsePrivateKeys.js";
import { decodePemInput, type PemBlock } from "./pemInput.js";
import { BuiltinError, register } from "./registry.js";
import { str } from "./strings.js";

function blocks(input: string, what: string): PemBlock[] {
  const dec = decodePemInput(input);
  if (dec.kind === "der")
    throw new BuiltinError(`tls: failed to find any PEM data in ${what} input`);
  return dec.blocks;
}

function certificates(input: string): Buffer[] {
  const ders = blocks(input, "certificate")
    .filter((b) => b.label === "CERTIFICATE")
    .map((b) => b.der);
  if (!ders.length)
    throw new BuiltinError(
      "tls: failed to find any PEM data in certificate input",
    );
  return ders;
}

function privateKey(input: string): KeyObject {
  for (const b of blocks(input, "key")) {
    const k = privateKeyOf(b);
    if (k) return k;
  }
  throw new BuiltinError(
    'tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input',
  );
}

function leafOf(der: Buffer): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch (e) {
    throw new BuiltinError(
      "x509: malformed certificate",
      "eval_builtin_error",
      false,
      e,
    );
  }
}

/**
 * `crypto.x509.parse_keypair(cert, pem)`: a TLS key pair like Go's
 * `tls.X509KeyPair` — `Certificate` (base64 DER of each certificate) and
 * `PrivateKey` — after checking the key belongs to the leaf certificate.
 */
export function parseKeypair(certInput: string, keyInput: string): Value {
  const ders = certificates(certInput);
  const key = privateKey(keyInput);
  const leaf = leafOf(ders[0]!);
  if (!leaf.checkPrivateKey(key))
    throw new BuiltinError("tls: private key does not match public key");
  return new RObject()
    .set(
      "Certificate",
      ders.map((d) => d.toString("base64")),
    )
    .set("PrivateKey", keyValue(key));
}

register("crypto.x509.parse_keypair", 2, ([c, k]) =>
  parseKeypair(str(c!, 1), str(k!, 2)),
);
