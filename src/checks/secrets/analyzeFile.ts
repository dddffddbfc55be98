import {
  helmValuesCandidates,
  isConfigYaml,
} from "./decoders/helmValuesDecoder.js";
import { decodeKubernetes } from "./decoders/kubernetesDecoder.js";
import {
  decodeSecretGenerator,
  isKustomization,
} from "./decoders/kustomizeDecoder.js";
import { envCandidates, isEnvFile } from "./decoders/envDecoder.js";
import {
  decodeInlineValues,
  INLINE_VALUES_HINT,
} from "./decoders/inlineValuesDecoder.js";
import type { SopsRule } from "./decoders/sopsConfig.js";
import { decodeSops } from "./decoders/sopsDecoder.js";
import { credentialCandidate } from "./decoders/credentialCandidate.js";
import { emptyAnalysis, type Candidate, type FileAnalysis } from "./types.js";
import { fastLeaves } from "./fastLeaves.js";
import { splitYamlDocuments, yamlLeaves } from "./yamlLeaves.js";

/** What the decoders need to know about the repository. */
export interface AnalyzeContext {
  /** Files a `secretGenerator` reads as `KEY=value` lines. */
  envFiles: ReadonlySet<string>;
  /** Files a `secretGenerator` reads whole, to the key they become. */
  secretFiles: ReadonlyMap<string, string>;
  /** The `.sops.yaml` creation rule that applies to a path, if any. */
  sopsRuleFor(path: string): SopsRule | undefined;
}

/** Text that tells a YAML file is worth parsing for the decoders (keys
 * may be quoted, and JSON manifests need not start their lines with one). */
const KINDS =
  /(?:^\s*(?:-\s+)?|")["']?(?:kind["']?:\s*["']?(?:Secret|ConfigMap|SealedSecret)\b|sops["']?:|secretGenerator["']?:)/m;

function isInteresting(text: string): boolean {
  return KINDS.test(text) || INLINE_VALUES_HINT.test(text);
}

/**
 * Runs every decoder that applies to a file: dotenv lines, Kubernetes
 * Secrets and ConfigMaps, kustomize `secretGenerator`, Helm values and
 * sops. Files no decoder understands give an empty analysis (the raw text
 * is still scanned by the rules).
 */
export function analyzeFile(
  path: string,
  text: string,
  ctx: AnalyzeContext,
): FileAnalysis {
  const out = emptyAnalysis();
  const key = ctx.secretFiles.get(path);
  if (key !== undefined) out.candidates.push(...secretFile(path, key, text));
  if (isEnvFile(path) || ctx.envFiles.has(path)) {
    const site = { path, line: 1, where: "env file" };
    out.candidates.push(...envCandidates(text, site));
    markSopsEnv(text, out);
    return out;
  }
  if (!/\.(?:ya?ml|json)$/i.test(path) && !isKustomization(path)) return out;
  const rule = ctx.sopsRuleFor(path);
  if (isConfigYaml(path, text) && !isKustomization(path)) {
    out.candidates.push(...helmValuesCandidates(path, text));
  }
  const kustomization = isKustomization(path);
  if (!kustomization && !isInteresting(text)) return out;
  const parts = splitYamlDocuments(text);
  const wanted = kustomization
    ? parts
    : parts.filter((p) => isInteresting(p.text));
  const docs = wanted.flatMap((p) => {
    const fast = fastLeaves(p.text, p.firstLine);
    return fast ? [fast] : yamlLeaves(p.text, p.firstLine);
  });
  for (const doc of docs) {
    decodeSops(path, doc, rule, out);
    decodeKubernetes(path, doc, out);
    decodeInlineValues(path, doc, out);
    if (kustomization) decodeSecretGenerator(path, doc, out);
  }
  return out;
}

/** A `secretGenerator` file: one value, or `key=value` config lines. */
function secretFile(path: string, key: string, text: string): Candidate[] {
  const where = "kustomize secretGenerator file";
  const value = text.trim();
  if (!value.includes("\n")) {
    const c = credentialCandidate(key, value, { path, line: 1, where });
    return c ? [c] : [];
  }
  return envCandidates(text, { path, line: 1, where });
}

/** sops-encrypted dotenv files: `KEY=ENC[...]` and `sops_*` lines. */
function markSopsEnv(text: string, out: FileAnalysis): void {
  if (!/^sops_mac=/m.test(text)) return;
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^sops_|=ENC\[/.test(line)) out.opaqueLines.add(i + 1);
  });
}
