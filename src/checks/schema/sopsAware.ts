import type { ErrorObject } from "ajv";

/** A value SOPS encrypted: `ENC[AES256_GCM,data:...,type:str]`. */
const ENCRYPTED = /^ENC\[[A-Z0-9_]+,data:/;

/**
 * What to validate of a SOPS-encrypted manifest (Flux decrypts it before
 * applying): the object without SOPS's top-level `sops` metadata. Other
 * objects are returned as they are.
 */
export function withoutSopsMetadata(
  object: Record<string, unknown>,
): Record<string, unknown> {
  const sops = object["sops"];
  if (typeof sops !== "object" || sops === null || Array.isArray(sops)) {
    return object;
  }
  const { sops: _metadata, ...rest } = object;
  return rest;
}

/** True for an error about an encrypted value (its plain type and format
 * cannot be known until it is decrypted). */
export function aboutEncryptedValue(e: ErrorObject): boolean {
  return typeof e.data === "string" && ENCRYPTED.test(e.data);
}
