import type { ResourceRef, Severity } from "../../../findings/finding.js";
import { isCredentialKey, isCredentialValue } from "../credentialKey.js";
import type { Candidate } from "../types.js";

/** Where a key/value pair was found, for {@link credentialCandidate}. */
export interface PairSite {
  path: string;
  line: number;
  where: string;
  severity?: Severity;
  resource?: ResourceRef;
  alsoMask?: string[];
}

/**
 * A `gg:credential-value` candidate when the key name says credential and
 * the value looks like a real one; undefined otherwise.
 */
export function credentialCandidate(
  key: string,
  value: string,
  site: PairSite,
): Candidate | undefined {
  if (!isCredentialKey(key) || !isCredentialValue(value)) return undefined;
  const c: Candidate = {
    ruleId: "gg:credential-value",
    title: "credential-shaped value",
    path: site.path,
    line: site.line,
    value: value.trim(),
    where: site.where,
    severity: site.severity ?? "error",
  };
  if (site.resource) c.resource = site.resource;
  if (site.alsoMask) c.alsoMask = site.alsoMask;
  return c;
}
