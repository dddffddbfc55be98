import { TrustedRoot } from "@sigstore/protobuf-specs";
import shipped from "./sigstoreTrustedRoot.json" with { type: "json" };

/** Supplies the Sigstore trusted root (Fulcio CAs, Rekor and CT keys). */
export type TrustedRootSource = () => Promise<TrustedRoot>;

/**
 * The public-good Sigstore trusted root shipped with the app (decoded from
 * `@sigstore/tuf`'s seeds), so verification works offline. Production can
 * swap in `() => getTrustedRoot({ cachePath })` from `@sigstore/tuf` to
 * pick up key rotations.
 */
export const shippedTrustedRoot: TrustedRootSource = async () =>
  TrustedRoot.fromJSON(shipped);
