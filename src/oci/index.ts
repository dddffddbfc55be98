/** Public surface of the OCI client and cosign verification. */
export {
  credentialsFromDockerConfig,
  credentialsFromEnv,
} from "./credentials.js";
export type { Credentials, CredentialsProvider } from "./credentials.js";
export { formatImageRef, parseImageRef, repositoryName } from "./imageRef.js";
export type { ImageRef } from "./imageRef.js";
export { ImageVerifier, fingerprint } from "./ImageVerifier.js";
export type {
  ImagePolicy,
  ImageVerdict,
  EvidenceStatus,
} from "./ImageVerifier.js";
export { loadPublicKey } from "./publicKey.js";
export { NotFoundError, RegistryClient } from "./RegistryClient.js";
export {
  RegistryTransport,
  RegistryUnreachableError,
} from "./RegistryTransport.js";
export type { TransportOptions } from "./RegistryTransport.js";
export { refreshingTrustedRoot } from "./refreshingTrustedRoot.js";
export type { RefreshOptions } from "./refreshingTrustedRoot.js";
export { shippedTrustedRoot } from "./trustedRoot.js";
export type { TrustedRootSource } from "./trustedRoot.js";
export { MemoryVerificationCache } from "./VerificationCache.js";
export type { CachedVerdict, VerificationCache } from "./VerificationCache.js";
export { identityMatches } from "./verifyEvidence.js";
export type { Authority } from "./verifyEvidence.js";
