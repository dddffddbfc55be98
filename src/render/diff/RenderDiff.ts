import type { TargetKind } from "../RenderTarget.js";

/** How one resource differs between base and head renders. */
export interface ResourceDiff {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  change: "added" | "changed" | "removed";
  /**
   * Unified diff of the YAML (base → head); for added or removed
   * resources, the whole object as `+` or `-` lines. Empty when cut by
   * the size cap (`cut` is then true).
   */
  diff: string;
  /** Secret values in this diff were masked. */
  masked: boolean;
  /** The diff was left out to respect the size cap. */
  cut?: boolean;
}

/** How one render target differs between base and head. */
export interface TargetDiff {
  id: string;
  kind: TargetKind;
  path: string;
  environment?: string;
  /**
   * `changed`: resources differ; `unchanged`: same resources; `added` /
   * `removed`: the target exists on one side only; `failed-*`: rendering
   * failed on that side (no resource diff is possible).
   */
  status:
    | "changed"
    | "unchanged"
    | "added"
    | "removed"
    | "failed-head"
    | "failed-base"
    | "failed-both";
  /** Render error messages by side, when a side failed. */
  errors?: { side: "base" | "head"; message: string }[];
  resources: ResourceDiff[];
}

/** What was left out of a {@link RenderDiff} because of its size cap. */
export interface DiffCut {
  /** Resource diffs whose text was left out. */
  resources: number;
  /** Lines of diff text left out. */
  lines: number;
  /** Where the full diff can be read, for the reader. */
  fullDiff: string;
}

/** The rendered diff of a change: every affected target, base → head. */
export interface RenderDiff {
  targets: TargetDiff[];
  summary: {
    targets: number;
    added: number;
    changed: number;
    removed: number;
    /** Targets that failed on one side or both. */
    failed: number;
  };
  /** Present when the size cap cut diff text; never cut silently. */
  cut?: DiffCut;
}
