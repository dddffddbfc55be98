import type { ImageVerdict } from "./ImageVerifier.js";

/** A cached verdict and when it was computed (epoch ms). */
export interface CachedVerdict {
  verdict: Omit<ImageVerdict, "cached">;
  at: number;
}

/**
 * Where verdicts are kept between runs. Keys name a repository, a digest
 * and a policy fingerprint; a digest's signatures never change, so a
 * shared store (Redis, disk) may keep passing verdicts indefinitely.
 */
export interface VerificationCache {
  get(key: string): Promise<CachedVerdict | undefined>;
  set(key: string, value: CachedVerdict): Promise<void>;
}

/** The default store: in memory, oldest entries evicted past `max`. */
export class MemoryVerificationCache implements VerificationCache {
  private readonly entries = new Map<string, CachedVerdict>();

  constructor(private readonly max = 10_000) {}

  async get(key: string): Promise<CachedVerdict | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, value: CachedVerdict): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
