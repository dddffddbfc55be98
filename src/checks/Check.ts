import type { Config } from "../config/schema.js";
import type { CheckName, Finding } from "../findings/finding.js";
import type { RenderedTarget } from "../render/RenderTarget.js";
import type { ChangeSet } from "../workspace/ChangeSet.js";
import type { Tree } from "../workspace/Tree.js";

/** Everything a check may look at. Checks do no other I/O than what the
 * injected pieces here (and their own injected clients) provide. */
export interface CheckInput {
  /** Config from the base revision, defaults filled in. */
  config: Config;
  head: Tree;
  base?: Tree;
  /** Head renders of the affected targets. */
  targets: RenderedTarget[];
  /** Base renders of the same targets, when a base was given. */
  baseTargets?: RenderedTarget[];
  changes: ChangeSet;
  /** Environment of a repo-relative path (first match in config). */
  environmentOf(path: string): string | undefined;
  signal?: AbortSignal;
}

/**
 * The contract of every check. A check returns findings; if it throws, the
 * gate turns that into an error finding (fail closed) and runs the others.
 */
export interface Check {
  name: CheckName;
  run(input: CheckInput): Promise<Finding[]>;
}
