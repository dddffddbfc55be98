import {
  ImageVerifier,
  RegistryClient,
  credentialsFromEnv,
} from "../../oci/index.js";

/**
 * The production verifier: Node's `fetch`, registry credentials from the
 * app's environment (never from the checked repository), the shipped
 * Sigstore trusted root and an in-memory cache kept for the process.
 */
export function defaultVerifier(
  env: Record<string, string | undefined> = process.env,
): ImageVerifier {
  const client = new RegistryClient({
    fetch: globalThis.fetch,
    credentials: credentialsFromEnv(env),
  });
  return new ImageVerifier({ client });
}
