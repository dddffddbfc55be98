import type { Config } from "../../config/schema.js";
import {
  loadPublicKey,
  type Authority,
  type ImagePolicy,
} from "../../oci/index.js";
import type { Tree } from "../../workspace/Tree.js";
import { predicateTypeOf } from "./predicateTypes.js";

/** The `checks.images` section of the config. */
export type ImagesConfig = Config["checks"]["images"];
type PolicyConfig = ImagesConfig["policies"][number];

/** A config policy with its keys loaded, ready to verify against. */
export interface ResolvedPolicy {
  name: string;
  images: string[];
  policy: ImagePolicy;
  mode: "enforce" | "warn";
  environments: Record<string, "enforce" | "warn">;
  /** Set when a key could not be loaded: every image it covers fails. */
  error?: string;
}

/**
 * Loads every policy's authorities. Key files are read from `trusted`
 * (the base revision), so a PR cannot swap the key it is checked against.
 */
export async function resolvePolicies(
  config: ImagesConfig,
  trusted: Tree,
): Promise<ResolvedPolicy[]> {
  return Promise.all(config.policies.map((p) => resolveOne(p, trusted)));
}

async function resolveOne(
  p: PolicyConfig,
  trusted: Tree,
): Promise<ResolvedPolicy> {
  const out: ResolvedPolicy = {
    name: p.name,
    images: p.images,
    mode: p.mode,
    environments: p.environments,
    policy: {
      authorities: [],
      attestations: p.attestations.map((a) => predicateTypeOf(a.predicateType)),
      ignoreTlog: p.ignoreTlog,
    },
  };
  for (const [i, a] of p.authorities.entries()) {
    try {
      out.policy.authorities.push(await authority(a, i, trusted));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      out.error = `policy ${p.name}: ${why}`;
    }
  }
  return out;
}

async function authority(
  a: PolicyConfig["authorities"][number],
  index: number,
  trusted: Tree,
): Promise<Authority> {
  if ("keyless" in a) {
    const { issuer, subject } = a.keyless;
    return { kind: "keyless", name: `keyless ${subject}`, issuer, subject };
  }
  if ("pem" in a.key) {
    const what = `inline key of authority ${index + 1}`;
    return {
      kind: "key",
      name: `key #${index + 1}`,
      key: loadPublicKey(a.key.pem, what),
    };
  }
  const path = a.key.path;
  const what = `key ${path} (${trusted.side} revision)`;
  let pem: Buffer;
  try {
    pem = await trusted.readFile(path);
  } catch (cause) {
    throw new Error(`cannot read ${what}`, { cause });
  }
  return {
    kind: "key",
    name: path,
    key: loadPublicKey(pem.toString("utf8"), what),
  };
}
