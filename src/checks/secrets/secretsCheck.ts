import type { Check, CheckInput } from "../Check.js";
import type { Finding } from "../../findings/finding.js";
import {
  fingerprintKeyFromEnv,
  fingerprintSecret,
} from "../../secrets/fingerprint.js";
import type { SecretRegistry } from "../../secrets/SecretRegistry.js";
import { allowlistMatcher } from "./allowlist.js";
import { finalize, type Located } from "./finalize.js";
import { repoContext, type RepoContext } from "./repoContext.js";
import { scanFiles, type ScannedFile } from "./scanHead.js";
import { historyLocated } from "./historyLocated.js";
import { scanMany, type ScanManyFn } from "./scanMany.js";
import { scanPaths } from "./scanPaths.js";
import { withoutRepeatedCauses } from "./sameCause.js";
import { selectNew } from "./selectNew.js";

/** Injected parts of the secrets check. */
export interface SecretsCheckOptions {
  /** Collects found values so the gate can mask every output. */
  registry?: SecretRegistry;
  /** Key of the fingerprint HMAC; else `GITOPS_GATE_FINGERPRINT_KEY`. */
  fingerprintKey?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** The rule engine (secretlint by default). */
  scan?: ScanManyFn;
}

/**
 * Builds the secrets check: scans what the change adds (each commit's
 * added lines, and the changed head files through the decoders), or the
 * whole head tree when there is no base.
 *
 * @example
 * const registry = new SecretRegistry();
 * const check = createSecretsCheck({ registry });
 */
export function createSecretsCheck(options: SecretsCheckOptions = {}): Check {
  return {
    name: "secrets",
    async run(input: CheckInput): Promise<Finding[]> {
      const config = input.config.checks.secrets;
      if (!config.enabled) return [];
      const key = options.fingerprintKey ?? fingerprintKeyFromEnv(options.env);
      const scan = options.scan ?? scanMany;
      const repo = await repoContext(input.head, input.base);
      const head = await scanHead(input, repo, scan, key);
      const history = await historyLocated(
        input,
        head,
        scan,
        key,
        repo.analyze,
      );
      const named = await scanPaths(changedPaths(input, head), scan);
      const located: Located[] = [
        ...named.map((c) => ({ candidate: c, lines: [], lineInLines: 1 })),
        ...head.flatMap(locatedOf),
        ...history,
      ];
      const findings = finalize(located, {
        key,
        allowedBy: allowlistMatcher(config.allow),
        environmentOf: (p) => input.environmentOf(p),
        ...(options.registry ? { registry: options.registry } : {}),
      });
      return [
        ...repo.problems,
        ...withoutRepeatedCauses(findings, input.targets),
      ];
    },
  };
}

/** The secrets check with default parts (secretlint, key from env). */
export const secretsCheck = createSecretsCheck() satisfies Check;

async function scanHead(
  input: CheckInput,
  repo: RepoContext,
  scan: ScanManyFn,
  key: string,
): Promise<ScannedFile[]> {
  const files = new Set(await input.head.files());
  const { changes } = input;
  const paths = changes.all
    ? [...files]
    : changes.paths.filter((p) => files.has(p));
  const scanned = await scanFiles(input.head, paths, repo.analyze, scan);
  const old = await baseFingerprints(input, paths, repo, scan, key);
  return selectNew(scanned, changes, (c) =>
    old.has(`${c.path}\0${fingerprintSecret(c.value, key)}`),
  );
}

/** Fingerprints already in the base files (used when there are no commits). */
async function baseFingerprints(
  input: CheckInput,
  paths: readonly string[],
  repo: RepoContext,
  scan: ScanManyFn,
  key: string,
): Promise<Set<string>> {
  const { base, changes } = input;
  if (!base || changes.all || changes.commits.length > 0) return new Set();
  const inBase = new Set(await base.files());
  const scanned = await scanFiles(
    base,
    paths.filter((p) => inBase.has(p)),
    repo.analyze,
    scan,
  );
  return new Set(
    scanned.flatMap((f) =>
      f.candidates.map((c) => `${c.path}\0${fingerprintSecret(c.value, key)}`),
    ),
  );
}

/** The paths the change adds or touches (every file without a base). */
function changedPaths(
  input: CheckInput,
  head: readonly ScannedFile[],
): string[] {
  const paths = input.changes.all
    ? head.map((f) => f.path)
    : input.changes.paths;
  return [...new Set(paths)];
}

function locatedOf(f: ScannedFile): Located[] {
  return f.candidates.map((candidate) => ({
    candidate,
    lines: f.lines,
    lineInLines: candidate.line,
  }));
}
