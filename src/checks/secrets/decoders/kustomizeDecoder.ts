import { posix } from "node:path";
import type { FileAnalysis } from "../types.js";
import type { YamlDoc } from "../yamlLeaves.js";
import { envCandidates } from "./envDecoder.js";

/** True for kustomization files (`kustomization.yaml`, `Kustomization`). */
export function isKustomization(path: string): boolean {
  return /(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/.test(path);
}

/**
 * Checks the `literals` of a kustomization's `secretGenerator` entries
 * (`KEY=value`) for credential-shaped keys with real-looking values.
 */
export function decodeSecretGenerator(
  path: string,
  doc: YamlDoc,
  out: FileAnalysis,
): void {
  for (const leaf of doc.leaves) {
    const [field, , list] = leaf.path;
    if (field !== "secretGenerator" || list !== "literals") continue;
    const where = "kustomize secretGenerator literal";
    out.candidates.push(
      ...envCandidates(leaf.value, { path, line: leaf.line, where }, true),
    );
  }
}

/**
 * The files a kustomization's `secretGenerator` reads as `KEY=value` lines
 * (`envs`, the old `env`), relative to the repository root.
 */
export function secretGeneratorEnvFiles(path: string, doc: YamlDoc): string[] {
  const dir = posix.dirname(path);
  return doc.leaves
    .filter((l) => l.path[0] === "secretGenerator")
    .filter((l) => l.path[2] === "envs" || l.path[2] === "env")
    .map((l) => posix.normalize(posix.join(dir, l.value)))
    .filter((p) => !p.startsWith("../") && !posix.isAbsolute(p));
}
