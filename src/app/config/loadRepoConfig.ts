import { parse } from "yaml";
import { ConfigError } from "../../config/ConfigError.js";
import { CONFIG_PATHS } from "../../config/loadConfig.js";
import { parseConfig } from "../../config/parseConfig.js";
import { configSchema, type Config } from "../../config/schema.js";
import type { Tree } from "../../workspace/Tree.js";
import type { RepoRef } from "../github/GitHub.js";
import { mergeConfig } from "./mergeConfig.js";
import { parseExtends, type ExtendsTarget } from "./parseExtends.js";

/** Reads one file of another repository (default branch); none: undefined. */
export type FetchFile = (file: ExtendsTarget) => Promise<string | undefined>;

/** The config of a run and the file(s) it came from. */
export interface RepoConfig {
  config: Config;
  path?: string;
}

const ORG_PATH = ".github/gitops-gate.yml";

/**
 * Loads the config from the BASE tree, with org defaults as Probot users
 * know them: `_extends` (or `extends`) names another file, and a repository
 * without a config file falls back to `<owner>/.github`. Every file is
 * validated on its own first, so an error names the file that holds it.
 * Throws {@link ConfigError}.
 */
export async function loadRepoConfig(
  base: Tree,
  repo: RepoRef,
  fetchFile: FetchFile,
): Promise<RepoConfig> {
  const files = new Set(await base.files());
  const path = CONFIG_PATHS.find((p) => files.has(p));
  if (!path) return orgDefaults(repo, fetchFile);
  const text = (await base.readFile(path)).toString("utf8");
  const config = parseConfig(path, text);
  const ref = config._extends ?? config.extends;
  if (ref === undefined) return { config, path };
  const target = parseExtends(ref, repo.owner, path);
  if (!target) {
    throw new ConfigError(path, [
      { key: "_extends", message: `cannot read "${ref}"; use owner/repo:path` },
    ]);
  }
  const inherited = await readExtended(target, path, fetchFile);
  return { config: merged(path, inherited, text), path };
}

async function orgDefaults(
  repo: RepoRef,
  fetchFile: FetchFile,
): Promise<RepoConfig> {
  const target = { owner: repo.owner, repo: ".github", path: ORG_PATH };
  const text = await fetchFile(target);
  if (text === undefined) return { config: configSchema.parse({}) };
  const name = `${target.owner}/${target.repo}:${target.path}`;
  return { config: parseConfig(name, text), path: name };
}

async function readExtended(
  target: ExtendsTarget,
  path: string,
  fetchFile: FetchFile,
): Promise<string> {
  const name = `${target.owner}/${target.repo}:${target.path}`;
  const text = await fetchFile(target);
  if (text === undefined) {
    throw new ConfigError(path, [
      { key: "_extends", message: `${name} not found or not readable` },
    ]);
  }
  parseConfig(name, text);
  return text;
}

function merged(path: string, inherited: string, own: string): Config {
  const raw = mergeConfig(parse(inherited) ?? {}, parse(own) ?? {}) as Record<
    string,
    unknown
  >;
  delete raw._extends;
  delete raw.extends;
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new ConfigError(
    path,
    result.error.issues.map((i) => ({
      key: i.path.map(String).join("."),
      message: `${i.message} (after merging _extends)`,
    })),
  );
}
