import { getTrustedRoot } from "@sigstore/tuf";
import {
  ImageVerifier,
  RegistryClient,
  credentialsFromEnv,
  refreshingTrustedRoot,
  shippedTrustedRoot,
} from "../../oci/index.js";

/**
 * The production verifier: Node's `fetch`, registry credentials from the
 * app's environment (never from the checked repository) and an in-memory
 * cache kept for the process. The Sigstore trusted root is the shipped
 * copy (offline), or refreshed through TUF daily when
 * `GITOPS_GATE_SIGSTORE_CACHE` names a cache directory.
 */
export function defaultVerifier(
  env: Record<string, string | undefined> = process.env,
): ImageVerifier {
  const client = new RegistryClient({
    fetch: globalThis.fetch,
    credentials: credentialsFromEnv(env),
  });
  const cachePath = env["GITOPS_GATE_SIGSTORE_CACHE"];
  const trustedRoot =
    cachePath === undefined
      ? shippedTrustedRoot
      : refreshingTrustedRoot({
          fetchRoot: () => getTrustedRoot({ cachePath }),
        });
  return new ImageVerifier({ client, trustedRoot });
}
