import type { Candidate } from "../types.js";
import { envCandidates } from "./envDecoder.js";

/** True for Helm values files: `values.yaml`, `values-prod.yaml`, ... */
export function isHelmValues(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return /^(?:.+[._-])?values(?:[._-].+)?\.ya?ml$/i.test(base);
}

/** A cheap test that a text may hold a credential-shaped key at all. */
const MAYBE = /pass|pwd|secret|token|key|cred/i;

/**
 * Credential-shaped `key: value` lines anywhere in a values file. Read
 * line by line rather than parsed: values files are large and many, and
 * the key on the value's own line is what matters.
 */
export function helmValuesCandidates(path: string, text: string): Candidate[] {
  if (!MAYBE.test(text)) return [];
  return envCandidates(text, { path, line: 1, where: "Helm values" });
}
