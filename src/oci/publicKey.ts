import { createPublicKey, type KeyObject } from "node:crypto";

/** Hash names cosign pairs with each key type when signing. */
export type KeyHash = "sha256" | "sha384" | "sha512" | null;

/**
 * Parses a PEM public key and checks it is a type cosign signs with:
 * ECDSA P-256/384/521, RSA (2048 bits or more) or Ed25519.
 */
export function loadPublicKey(pem: string, what = "public key"): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: "pem" });
  } catch (cause) {
    throw new Error(`${what}: not a PEM public key`, { cause });
  }
  keyHash(key, what);
  return key;
}

/** The digest cosign uses with a key (`null` for Ed25519). */
export function keyHash(key: KeyObject, what = "public key"): KeyHash {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case "ed25519":
      return null;
    case "rsa":
      if ((details.modulusLength ?? 0) < 2048) break;
      return "sha256";
    case "ec":
      if (details.namedCurve === "prime256v1") return "sha256";
      if (details.namedCurve === "secp384r1") return "sha384";
      if (details.namedCurve === "secp521r1") return "sha512";
      break;
  }
  const curve = details.namedCurve ? ` ${details.namedCurve}` : "";
  throw new Error(
    `${what}: unsupported key type ${key.asymmetricKeyType}${curve} ` +
      "(use ECDSA P-256/384/521, RSA ≥ 2048 or Ed25519)",
  );
}
