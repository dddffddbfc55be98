import type { Candidate } from "../types.js";
import { envCandidates } from "./envDecoder.js";

/** True for Helm values files: `values.yaml`, `values-prod.yaml`, ... */
export function isHelmValues(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return /^(?:.+[._-])?values(?:[._-].+)?\.ya?ml$/i.test(base);
}

/** A top-level `kind:` (or a JSON `"kind"`): Kubernetes objects. */
const MANIFEST = /^["']?kind["']?\s*:|"kind"\s*:\s*"/m;

/**
 * True for YAML read as plain `key: value` config: Helm values files by
 * name, and any YAML file that holds no Kubernetes object (values files
 * named by an Argo CD `valueFiles` or a Flux `valuesFiles`, such as
 * `env/prod.yaml`, app config, docker-compose files).
 */
export function isConfigYaml(path: string, text: string): boolean {
  return isHelmValues(path) || !MANIFEST.test(text);
}

/** A cheap test that a text may hold a credential-shaped key at all. */
const MAYBE = /pass|pwd|secret|token|key|cred/i;

/**
 * Credential-shaped `key: value` lines anywhere in a values or config file. Read
 * line by line rather than parsed: values files are large and many, and
 * the key on the value's own line is what matters.
 */
export function helmValuesCandidates(path: string, text: string): Candidate[] {
  if (!MAYBE.test(text)) return [];
  const where = isHelmValues(path) ? "Helm values" : "config file";
  return envCandidates(text, { path, line: 1, where });
}
