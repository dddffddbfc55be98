import { API_LIFECYCLES } from "./apiLifecycleTable.js";
import { compareKubeVersion, parseKubeVersion } from "./kubeVersion.js";
import type { KubeVersion } from "./kubeVersion.js";

/** When a built-in `apiVersion` of some kinds was deprecated and removed. */
export interface ApiLifecycle {
  apiVersion: string;
  kinds: readonly string[];
  /** First release that served it as GA (only for newer APIs). */
  introduced?: string;
  deprecated?: string;
  removed?: string;
  /** What to use instead; absent when nothing replaces it (PSP). */
  replacement?: string;
  note?: string;
}

/** What the target version says about an `apiVersion` + `kind`. */
export type ApiStatus =
  | { status: "served" }
  | { status: "deprecated" | "removed" | "unavailable"; entry: ApiLifecycle };

/**
 * Looks an API up in `API_LIFECYCLES` for the target version.
 * @example apiStatus("batch/v1beta1", "CronJob", { major: 1, minor: 33 })
 *   // { status: "removed", entry: { ..., replacement: "batch/v1" } }
 */
export function apiStatus(
  apiVersion: string,
  kind: string,
  target: KubeVersion,
  table: readonly ApiLifecycle[] = API_LIFECYCLES,
): ApiStatus {
  for (const entry of indexed(table).get(`${apiVersion}/${kind}`) ?? []) {
    if (reached(target, entry.introduced) === false) {
      return { status: "unavailable", entry };
    }
    if (reached(target, entry.removed)) return { status: "removed", entry };
    if (reached(target, entry.deprecated)) {
      return { status: "deprecated", entry };
    }
  }
  return { status: "served" };
}

const INDEXES = new WeakMap<
  readonly ApiLifecycle[],
  Map<string, ApiLifecycle[]>
>();

/** The table by `apiVersion/kind`, built once per table (it is looked up
 * for every resource). */
function indexed(table: readonly ApiLifecycle[]): Map<string, ApiLifecycle[]> {
  let index = INDEXES.get(table);
  if (!index) {
    index = new Map();
    for (const entry of table) {
      for (const kind of entry.kinds) {
        const key = `${entry.apiVersion}/${kind}`;
        index.set(key, [...(index.get(key) ?? []), entry]);
      }
    }
    INDEXES.set(table, index);
  }
  return index;
}

function reached(
  target: KubeVersion,
  at: string | undefined,
): boolean | undefined {
  if (at === undefined) return undefined;
  return compareKubeVersion(target, parseKubeVersion(at)) >= 0;
}
