import type { ErrorObject } from "ajv";

/** A value SOPS encrypted: `ENC[AES256_GCM,data:...,type:str]`. */
const ENCRYPTED = /^ENC\[[A-Z0-9_]+,data:/;

/** A Flux `postBuild` variable: `${REPLICAS}`, `${tag:=latest}`. */
const FLUX_VARIABLE = /\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[=-][^}]*)?\}/;

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

/**
 * True for an error about a value that is not final in the repository: a
 * SOPS-encrypted value, or one holding a Flux variable that the
 * Kustomization's `postBuild.substitute` replaces before applying
 * (`replicas: ${REPLICAS}`). Its type and format are only known then.
 */
export function aboutUnresolvedValue(e: ErrorObject): boolean {
  if (typeof e.data !== "string") return false;
  return ENCRYPTED.test(e.data) || FLUX_VARIABLE.test(e.data);
}
