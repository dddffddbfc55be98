import type { Finding, Severity } from "../../findings/finding.js";
import {
  NotFoundError,
  formatImageRef,
  parseImageRef,
  repositoryName,
  type ImageRef,
  type ImageVerifier,
} from "../../oci/index.js";
import type { Check, CheckInput } from "../Check.js";
import { collectImages, type ImageUse } from "./collectImages.js";
import { imageGlobMatches } from "./imageGlob.js";
import { keyChangeFindings } from "./keyChangeFindings.js";
import { memoizedVerify, type Verify } from "./memoizedVerify.js";
import { IMAGE_RULES, imageFinding, verdictProblems } from "./imageFindings.js";
import { defaultVerifier } from "./defaultVerifier.js";
import {
  resolvePolicies,
  type ImagesConfig,
  type ResolvedPolicy,
} from "./resolvePolicies.js";

/** What the images check needs from outside. */
export interface ImagesCheckDeps {
  /** Built lazily on first use when absent (real fetch, env credentials). */
  verifier?: Pick<ImageVerifier, "verify">;
}

/**
 * The images check with injected pieces (a registry client over a counting
 * fetch, a shared cache) for tests and for the app.
 */
export function createImagesCheck(deps: ImagesCheckDeps = {}) {
  let verifier = deps.verifier;
  return {
    name: "images",
    async run(input) {
      verifier ??= defaultVerifier();
      return runImages(input, verifier);
    },
  } satisfies Check;
}

/**
 * Signatures and attestations of the images the head renders deploy
 * (only new or changed ones unless `verify: all`), under every matching
 * policy of `checks.images`; each problem is reported on the image line.
 */
export const imagesCheck = createImagesCheck();

async function runImages(
  input: CheckInput,
  verifier: Pick<ImageVerifier, "verify">,
): Promise<Finding[]> {
  const config = input.config.checks.images;
  if (config.policies.length === 0) return [];
  const policies = await resolvePolicies(config, input.base ?? input.head);
  const verify = memoizedVerify(verifier, input.signal);
  const uses = usesToCheck(input, config);
  const perUse = await mapLimit(uses, CONCURRENCY, (use) =>
    checkUse(input, config, policies, use, verify),
  );
  return [...keyChangeFindings(input, config), ...perUse.flat()];
}

/** Images verified at once: registries throttle, and cores are few. */
const CONCURRENCY = 4;

async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return out;
}

/**
 * The uses to verify: all with `verify: all`, else those whose image is
 * new to its render target (an image promoted to another environment
 * counts as new there).
 */
function usesToCheck(input: CheckInput, config: ImagesConfig): ImageUse[] {
  const uses = collectImages(input.targets);
  if (config.verify === "all" || input.baseTargets === undefined) return uses;
  const key = (u: ImageUse) => `${u.target.target.id} ${normalised(u.image)}`;
  const before = new Set(collectImages(input.baseTargets).map(key));
  return uses.filter((u) => !before.has(key(u)));
}

function normalised(image: string): string {
  try {
    return formatImageRef(parseImageRef(image));
  } catch {
    // An unparsable base image never equals a head image: check it.
    return `unparsable:${image}`;
  }
}

type Found = (rule: string, sev: Severity, msg: string) => Finding;

async function checkUse(
  input: CheckInput,
  config: ImagesConfig,
  policies: ResolvedPolicy[],
  use: ImageUse,
  verify: Verify,
): Promise<Finding[]> {
  const env =
    use.target.target.environment ?? input.environmentOf(use.location.path);
  const found: Found = (rule, sev, msg) =>
    imageFinding(use, rule, sev, msg, env);
  let ref: ImageRef;
  try {
    ref = parseImageRef(use.image);
  } catch (error) {
    return [found(IMAGE_RULES.badReference, "error", (error as Error).message)];
  }
  const name = formatImageRef(ref);
  const candidates = [repositoryName(ref), name];
  const matching = policies.filter((p) =>
    p.images.some((g) => imageGlobMatches(g, candidates)),
  );
  if (matching.length === 0) return [];
  const out: Finding[] = [];
  if (ref.digest === undefined) {
    const msg = `image ${name} is not pinned by digest; the tag can move after review`;
    out.push(found(IMAGE_RULES.notPinned, config.requireDigest, msg));
  }
  for (const p of matching) {
    const mode =
      (env === undefined ? undefined : p.environments[env]) ?? p.mode;
    const severity: Severity = mode === "enforce" ? "error" : "warning";
    const check = { ref, name, policy: p, severity, config, found };
    out.push(...(await policyFindings(check, verify)));
  }
  return out;
}

interface PolicyCheck {
  ref: ImageRef;
  name: string;
  policy: ResolvedPolicy;
  /** Severity of this policy's failures in this environment. */
  severity: Severity;
  config: ImagesConfig;
  found: Found;
}

async function policyFindings(
  c: PolicyCheck,
  verify: Verify,
): Promise<Finding[]> {
  if (c.policy.error !== undefined) {
    return [c.found(IMAGE_RULES.policyError, c.severity, c.policy.error)];
  }
  const outcome = await verify(c.ref, c.policy);
  if ("error" in outcome) return [failure(outcome.error, c)];
  return verdictProblems(c.name, c.policy.name, outcome.verdict).map((p) =>
    c.found(p.ruleId, c.severity, p.message),
  );
}

function failure(error: unknown, c: PolicyCheck): Finding {
  const why = error instanceof Error ? error.message : String(error);
  const where = `image ${c.name} (policy ${c.policy.name})`;
  if (error instanceof NotFoundError) {
    const msg = `${where} not found in its registry: ${why}`;
    return c.found(IMAGE_RULES.notFound, c.severity, msg);
  }
  const sev = c.config.unreachable === "warn" ? "warning" : c.severity;
  const cause =
    error instanceof Error && error.cause instanceof Error
      ? `: ${error.cause.message}`
      : "";
  const msg = `cannot verify ${where}: ${why}${cause}`;
  return c.found(IMAGE_RULES.unreachable, sev, msg);
}
