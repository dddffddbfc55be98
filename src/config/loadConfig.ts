import type { Tree } from "../workspace/Tree.js";
import { parseConfig } from "./parseConfig.js";
import { configSchema, type Config } from "./schema.js";

/** Where the config may live, in order of preference. */
export const CONFIG_PATHS = [
  ".github/gitops-gate.yml",
  ".github/gitops-gate.yaml",
  ".gitops-gate.yml",
  ".gitops-gate.yaml",
] as const;

/** A loaded config and the file it came from (none: defaults). */
export interface LoadedConfig {
  config: Config;
  path?: string;
}

/**
 * Loads the config from a tree (the BASE revision in a PR: a PR must not be
 * able to weaken its own gate). No file means the defaults.
 * Throws `ConfigError` on invalid content.
 */
export async function loadConfig(tree: Tree): Promise<LoadedConfig> {
  const files = new Set(await tree.files());
  const path = CONFIG_PATHS.find((p) => files.has(p));
  if (!path) return { config: configSchema.parse({}) };
  const text = await tree.readFile(path);
  return { config: parseConfig(path, text), path };
}
