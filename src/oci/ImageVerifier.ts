import { createHash } from "node:crypto";
import { readBundles } from "./bundleLayout.js";
import { readClassic } from "./classicLayout.js";
import { mergeEvidence, type Evidence, type EvidenceSet } from "./evidence.js";
import { repositoryName, type ImageRef } from "./imageRef.js";
import type { RegistryClient } from "./RegistryClient.js";
import { shippedTrustedRoot, type TrustedRootSource } from "./trustedRoot.js";
import {
  verifyEvidence,
  type Authority,
  type EvidenceOptions,
} from "./verifyEvidence.js";
import {
  MemoryVerificationCache,
  type VerificationCache,
} from "./VerificationCache.js";

/** What an image must carry: any authority's signature, every attestation. */
export interface ImagePolicy {
  authorities: Authority[];
  /** Predicate types that must each be attested by one of the authorities. */
  attestations: string[];
  ignoreTlog: boolean;
}

/** How a signature or an attestation fared. */
export type EvidenceStatus =
  | { status: "verified"; authority: string }
  | { status: "missing" | "invalid" | "untrusted"; detail: string };

/** The verdict for one image digest under one policy. */
export interface ImageVerdict {
  digest: string;
  signature: EvidenceStatus;
  attestations: (EvidenceStatus & { predicateType: string })[];
  /** True when the verdict came from the cache. */
  cached: boolean;
}

/** Pieces an `ImageVerifier` needs; all but the client have defaults. */
export interface ImageVerifierDeps {
  client: RegistryClient;
  cache?: VerificationCache;
  trustedRoot?: TrustedRootSource;
  now?: () => number;
  /**
   * How long a failed verdict is reused. Default one minute: runs close
   * together (a push and its check suite, several PRs with one image) ask
   * once, yet a signature or attestation added later (a signing pipeline
   * that finishes after the PR opens) counts at the next recheck.
   */
  negativeTtlMs?: number;
}

/**
 * Resolves an image to its digest (tags every time) and checks its cosign
 * signatures and attestations in both layouts. Verdicts are cached by
 * repository, digest and policy: passing ones for good, failing ones for
 * `negativeTtlMs`. Registry errors are thrown, never cached.
 */
export class ImageVerifier {
  private readonly cache: VerificationCache;
  private readonly now: () => number;

  constructor(private readonly deps: ImageVerifierDeps) {
    this.cache = deps.cache ?? new MemoryVerificationCache();
    this.now = deps.now ?? Date.now;
  }

  /** Verifies `ref` (resolving its tag) under `policy`. */
  async verify(
    ref: ImageRef,
    policy: ImagePolicy,
    signal?: AbortSignal,
  ): Promise<ImageVerdict> {
    const digest = await this.deps.client.resolveDigest(ref, signal);
    const key = `${repositoryName(ref)}@${digest}#${fingerprint(policy)}`;
    const hit = await this.cache.get(key);
    const ttl = this.deps.negativeTtlMs ?? 60_000;
    if (hit && (passed(hit.verdict) || this.now() - hit.at < ttl)) {
      return { ...hit.verdict, cached: true };
    }
    const verdict = await this.evaluate(ref, digest, policy, signal);
    await this.cache.set(key, { verdict, at: this.now() });
    return { ...verdict, cached: false };
  }

  private async evaluate(
    ref: ImageRef,
    digest: string,
    policy: ImagePolicy,
    signal?: AbortSignal,
  ): Promise<Omit<ImageVerdict, "cached">> {
    const { client } = this.deps;
    const bundles = await readBundles(client, ref, digest, signal);
    const sigs = await readClassic(client, ref, digest, "sig", signal);
    const atts =
      policy.attestations.length === 0
        ? { items: [], problems: [] }
        : await readClassic(client, ref, digest, "att", signal);
    const options = { ignoreTlog: policy.ignoreTlog, root: await this.root() };
    const sigSet = only(mergeEvidence(bundles, sigs), undefined);
    const attSet = mergeEvidence(bundles, atts);
    return {
      digest,
      signature: judge(sigSet, policy.authorities, options, "signature"),
      attestations: policy.attestations.map((predicateType) => ({
        predicateType,
        ...judge(
          only(attSet, predicateType),
          policy.authorities,
          options,
          predicateType,
        ),
      })),
    };
  }

  private async root() {
    return (this.deps.trustedRoot ?? shippedTrustedRoot)();
  }
}

function only(
  set: EvidenceSet,
  predicateType: string | undefined,
): EvidenceSet {
  const items = set.items.filter((e) => e.predicateType === predicateType);
  return { items, problems: set.problems };
}

function judge(
  set: EvidenceSet,
  authorities: Authority[],
  options: EvidenceOptions,
  what: string,
): EvidenceStatus {
  const reasons: string[] = [];
  for (const evidence of set.items) {
    for (const authority of authorities) {
      const result = verifyEvidence(evidence, authority, options);
      if (result.ok) return { status: "verified", authority: authority.name };
      reasons.push(
        `${describe(evidence)}: ${result.reason} (${authority.name})`,
      );
    }
  }
  if (set.items.length > 0) {
    return { status: "untrusted", detail: unique(reasons).join("; ") };
  }
  if (set.problems.length > 0) {
    return { status: "invalid", detail: unique(set.problems).join("; ") };
  }
  return { status: "missing", detail: `no ${what} found` };
}

function describe(evidence: Evidence): string {
  return `${evidence.layout} ${evidence.where}`;
}

function unique(list: string[]): string[] {
  return [...new Set(list)].slice(0, 5);
}

function passed(verdict: Omit<ImageVerdict, "cached">): boolean {
  return (
    verdict.signature.status === "verified" &&
    verdict.attestations.every((a) => a.status === "verified")
  );
}

/** A stable hash of what a policy trusts, so edits invalidate the cache. */
export function fingerprint(policy: ImagePolicy): string {
  const authorities = policy.authorities.map((a) =>
    a.kind === "key"
      ? a.key.export({ type: "spki", format: "der" }).toString("base64")
      : `${a.issuer}\n${a.subject}`,
  );
  const text = JSON.stringify([
    authorities,
    policy.attestations,
    policy.ignoreTlog,
  ]);
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
