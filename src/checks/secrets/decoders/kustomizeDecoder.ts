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

/** Generators whose `envs` files become data: a credential in a
 * ConfigMap's env file is as exposed as one in a Secret's. */
const GENERATORS = new Set(["secretGenerator", "configMapGenerator"]);

/**
 * The files a kustomization's `secretGenerator` or `configMapGenerator`
 * reads as `KEY=value` lines (`envs`, the old `env`), relative to the
 * repository root.
 */
export function secretGeneratorEnvFiles(path: string, doc: YamlDoc): string[] {
  const dir = posix.dirname(path);
  return doc.leaves
    .filter((l) => GENERATORS.has(String(l.path[0])))
    .filter((l) => l.path[2] === "envs" || l.path[2] === "env")
    .map((l) => posix.normalize(posix.join(dir, l.value)))
    .filter((p) => !p.startsWith("../") && !posix.isAbsolute(p));
}

/**
 * The files a kustomization's `secretGenerator` reads whole, each as the
 * value of one key (`files: [tls.crt, db-password=secrets/db.txt]`), by
 * repository path. The key is the one before `=`, else the file name
 * without its extension (`password.txt` holds `password`).
 */
export function secretGeneratorFiles(
  path: string,
  doc: YamlDoc,
): [string, string][] {
  const dir = posix.dirname(path);
  return doc.leaves
    .filter((l) => l.path[0] === "secretGenerator" && l.path[2] === "files")
    .map((l): [string, string] => {
      const at = l.value.indexOf("=");
      const file = at < 0 ? l.value : l.value.slice(at + 1);
      const base = posix.basename(file);
      const key = at < 0 ? base.replace(/\.[^.]*$/, "") : l.value.slice(0, at);
      return [posix.normalize(posix.join(dir, file)), key];
    })
    .filter(([p]) => !p.startsWith("../") && !posix.isAbsolute(p));
}
