/** Output formats of `gitops-gate check`. */
export const FORMATS = ["text", "json", "markdown", "sarif"] as const;
/** Thresholds of `--fail-on`. */
export const FAIL_ON = ["error", "warning", "never"] as const;

/** Parsed options of `gitops-gate check`. */
export interface CheckOptions {
  dir: string;
  base?: string;
  head?: string;
  config?: string;
  format: (typeof FORMATS)[number];
  failOn?: (typeof FAIL_ON)[number];
  output?: string;
  /** Local checkout of the org's policy repository (`checks.policy.org`). */
  orgPolicies?: string;
}
