import type { Finding, Severity } from "../../findings/finding.js";
import type { Tree } from "../../workspace/Tree.js";
import { CONFIG_PATHS } from "../../config/loadConfig.js";
import {
  compareKubeVersion,
  formatKubeVersion,
  parseKubeVersion,
  type KubeVersion,
} from "./kubeVersion.js";

/** The oldest release whose API removals `apiLifecycleTable.ts` lists. */
export const OLDEST_COVERED: KubeVersion = { major: 1, minor: 16 };

/** The target version, or the finding that explains why there is none. */
export type TargetVersion =
  { target: KubeVersion; problem?: Finding } | { problem: Finding };

/**
 * Parses `checks.schema.kubernetesVersion` and checks it against what the
 * shipped data covers (`OLDEST_COVERED` to the newest shipped bundle). A
 * version that does not parse, or is older than the oldest covered, is an
 * error; a newer one a warning, since validation still runs against the
 * newest schemas.
 *
 * @param newest - the newest release with shipped schemas
 * @param config - where the finding points: the config file of the tree
 */
export async function targetVersion(
  text: string,
  newest: KubeVersion,
  config: Tree,
): Promise<TargetVersion> {
  const covered = `${formatKubeVersion(OLDEST_COVERED)} to ${formatKubeVersion(newest)}`;
  let target: KubeVersion;
  try {
    target = parseKubeVersion(text);
  } catch (e) {
    const message = `${(e as Error).message}; the schemas cover ${covered}`;
    return { problem: await finding("error", message, config) };
  }
  if (target.major !== 1 || compareKubeVersion(target, OLDEST_COVERED) < 0) {
    const message =
      `checks.schema.kubernetesVersion "${text}" is not covered: the ` +
      `shipped schemas and API removals cover Kubernetes ${covered}`;
    return { target, problem: await finding("error", message, config) };
  }
  if (compareKubeVersion(target, newest) <= 0) return { target };
  const message =
    `checks.schema.kubernetesVersion "${text}" is newer than the shipped ` +
    `schemas (Kubernetes ${covered}): resources are checked against ` +
    `${formatKubeVersion(newest)}, and fields or API removals of later ` +
    "releases are not known";
  return { target, problem: await finding("warning", message, config) };
}

async function finding(
  severity: Severity,
  message: string,
  tree: Tree,
): Promise<Finding> {
  const files = new Set(await tree.files());
  const path = CONFIG_PATHS.find((p) => files.has(p)) ?? CONFIG_PATHS[0];
  return {
    check: "schema",
    ruleId: "schema/kubernetes-version",
    severity,
    message,
    location: { path, line: await lineOf(tree, path, files) },
  };
}

async function lineOf(
  tree: Tree,
  path: string,
  files: ReadonlySet<string>,
): Promise<number> {
  if (!files.has(path)) return 1;
  const lines = (await tree.readFile(path)).toString("utf8").split("\n");
  const i = lines.findIndex((l) => /\bkubernetesVersion\s*:/.test(l));
  return i < 0 ? 1 : i + 1;
}
