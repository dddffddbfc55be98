/**
 * The one result shape every check returns. Reporters, the judge and the
 * GitHub publisher only ever see findings.
 */

/** Ordered severities: `error` is the worst. */
export type Severity = "error" | "warning" | "notice";

/** Which part of the gate produced a finding. */
export type CheckName =
  "yaml" | "config" | "render" | "schema" | "policy" | "secrets" | "images";

/** Where a human fixes a finding. */
export interface Location {
  /** Relative to the checked directory, forward slashes. */
  path: string;
  /** 1-based line of the source a human edits. */
  line?: number;
  /** 1-based last line (inclusive) when the finding spans lines. */
  endLine?: number;
  /** 1-based column. */
  column?: number;
  /**
   * Set when the line is only the nearest known source (e.g. a Helm
   * template line found by key, or the generator of a resource); says so.
   */
  approximate?: string;
}

/** Identity of the Kubernetes resource a finding is about. */
export interface ResourceRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** A single problem found by a check. */
export interface Finding {
  check: CheckName;
  /** Stable id of the rule, e.g. `GG-IMG-001` or `yaml/parse`. */
  ruleId: string;
  severity: Severity;
  /** Human text. Must never contain a secret value. */
  message: string;
  location: Location;
  resource?: ResourceRef;
  docsUrl?: string;
  /** Render target (e.g. `apps/web/overlays/prod`) the finding came from. */
  target?: string;
  /** Environment name from config whose paths matched. */
  environment?: string;
  /** Stable identity for dedupe and waivers (keyed hash for secrets). */
  fingerprint?: string;
}
