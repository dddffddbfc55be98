/** One path reference in a kustomization, with its line. */
export interface KustomizeRef {
  /** The text as written. */
  value: string;
  /** The kustomization field it came from (`resources`, `patches`, ...). */
  field: string;
  line: number;
  /** Repo-relative target; undefined when remote or leaving the repo. */
  path?: string;
  remote: boolean;
}

/** What one kustomization file says, as far as discovery needs. */
export interface KustomizationNode {
  /** Directory, repo-relative (`""` for the root). */
  dir: string;
  /** The kustomization file itself. */
  file: string;
  /** `kind: Component`. */
  component: boolean;
  refs: KustomizeRef[];
  /** Lines of `helmCharts` entries, with their `repo` when set. */
  helmCharts: { name: string; repo?: string; line: number }[];
  /** Plugin configs written inline in `transformers` and the like. */
  inlinePlugins: { field: string; line: number; text: string }[];
  /** Set when the file could not be parsed. */
  parseError?: string;
}
