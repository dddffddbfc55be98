import type { TrustedRoot } from "@sigstore/protobuf-specs";
import { shippedTrustedRoot, type TrustedRootSource } from "./trustedRoot.js";

/** How a refreshing trusted root gets fresh copies and reports trouble. */
export interface RefreshOptions {
  /** Fetches the current root, e.g. `() => getTrustedRoot({ cachePath })`. */
  fetchRoot: () => Promise<TrustedRoot>;
  /** How long a fetched root is reused. Default 24 h. */
  maxAgeMs?: number;
  now?: () => number;
  /** Told when a refresh fails and an older root is used instead. */
  onStale?: (error: unknown) => void;
  /** Used until the first refresh succeeds. Default: the shipped root. */
  fallback?: TrustedRootSource;
}

/**
 * A trusted root for production: refreshed through TUF at most every
 * `maxAgeMs`, so Sigstore key rotations are picked up, and the last good
 * (or shipped) root when the TUF mirror cannot be reached.
 */
export function refreshingTrustedRoot(
  options: RefreshOptions,
): TrustedRootSource {
  const now = options.now ?? Date.now;
  const maxAge = options.maxAgeMs ?? 24 * 3600_000;
  let last: { root: TrustedRoot; at: number } | undefined;
  return async () => {
    if (last !== undefined && now() - last.at < maxAge) return last.root;
    try {
      last = { root: await options.fetchRoot(), at: now() };
      return last.root;
    } catch (error) {
      options.onStale?.(error);
      if (last !== undefined) return last.root;
      return (options.fallback ?? shippedTrustedRoot)();
    }
  };
}
