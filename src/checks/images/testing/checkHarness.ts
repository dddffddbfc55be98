/** Test support for the images check: in-memory trees, targets, config
 * and a fake verifier that records what it was asked. */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { environmentOf } from "../../../config/environmentOf.js";
import { parseConfig } from "../../../config/parseConfig.js";
import { parseYaml } from "../../../manifests/parseYaml.js";
import { toResources } from "../../../manifests/toResources.js";
import {
  formatImageRef,
  type ImagePolicy,
  type ImageRef,
  type ImageVerdict,
} from "../../../oci/index.js";
import type { RenderedTarget } from "../../../render/RenderTarget.js";
import type { Tree } from "../../../workspace/Tree.js";
import type { CheckInput } from "../../Check.js";

/** A syntactically valid digest for pinned references. */
export const D = `sha256:${"cd".repeat(32)}`;
const pem = (k: KeyObject) =>
  k.export({ type: "spki", format: "pem" }).toString();
/** The key file's content in the base revision (the trusted one). */
export const baseKey = generateKeyPairSync("ed25519").publicKey;
/** The key file's content in the head revision (must be ignored). */
export const headKey = generateKeyPairSync("ed25519").publicKey;

/** An in-memory read-only tree. */
export function tree(side: Tree["side"], files: Record<string, string>): Tree {
  return {
    dir: `/virtual/${side}`,
    side,
    files: async () => Object.keys(files).sort(),
    readFile: async (p) => {
      const text = files[p];
      if (text === undefined) throw new Error(`${p}: no such file`);
      return Buffer.from(text);
    },
  };
}

/** A rendered plain target of one YAML file. */
export function target(path: string, yaml: string): RenderedTarget {
  const { resources } = toResources(path, parseYaml(path, yaml).documents);
  return {
    target: { id: `plain:${path}`, kind: "plain", path, inputs: [path] },
    ok: true,
    resources,
    findings: [],
  };
}

/** A Deployment with one container per image, images on lines 8, 9, …. */
export const deployment = (...images: string[]) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
${images.map((i, n) => `        - { name: c${n}, image: "${i}" }`).join("\n")}
`;

/** A config with one key policy over `ghcr.io/org/**`, warn in `dev`. */
export const CONFIG = `environments:
  dev: { paths: ["dev/**"] }
checks:
  images:
    policies:
      - name: ours
        images: ["ghcr.io/org/**"]
        authorities: [{ key: { path: keys/cosign.pub } }]
        environments: { dev: warn }
`;

/** What the fake verifier answers for an image: a verdict or an error. */
export type Answer = Omit<ImageVerdict, "digest" | "cached"> | Error;

/** A verifier that answers from a table (verified by default) and records calls. */
export function fakeVerifier(answers: Record<string, Answer> = {}) {
  const calls: { image: string; policy: ImagePolicy }[] = [];
  const verifier = {
    async verify(ref: ImageRef, policy: ImagePolicy): Promise<ImageVerdict> {
      const image = formatImageRef(ref);
      calls.push({ image, policy });
      const answer = answers[image] ?? {
        signature: { status: "verified", authority: "k" },
        attestations: [],
      };
      if (answer instanceof Error) throw answer;
      return { ...answer, digest: ref.digest ?? D, cached: false };
    },
  };
  return { verifier, calls };
}

/** A check input with base and head trees holding different keys. */
export function input(opts: {
  head: RenderedTarget[];
  base?: RenderedTarget[];
  config?: string;
}): CheckInput {
  const config = parseConfig(".github/gitops-gate.yml", opts.config ?? CONFIG);
  const out: CheckInput = {
    config,
    head: tree("head", { "keys/cosign.pub": pem(headKey) }),
    base: tree("base", { "keys/cosign.pub": pem(baseKey) }),
    targets: opts.head,
    changes: { all: false, paths: [], commits: [] },
    environmentOf: (p) => environmentOf(config, p),
  };
  if (opts.base) out.baseTargets = opts.base;
  return out;
}

/** `severity ruleId :line`, for compact assertions. */
export const brief = (f: {
  ruleId: string;
  severity: string;
  location: { line?: number };
}) => `${f.severity} ${f.ruleId} :${f.location.line}`;
