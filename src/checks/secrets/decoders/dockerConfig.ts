import type { Candidate } from "../types.js";
import { base64Text } from "./base64Text.js";
import type { PairSite } from "./credentialCandidate.js";

const DOCKER_KEYS = new Set([".dockerconfigjson", ".dockercfg"]);

/**
 * Registry passwords in a decoded `.dockerconfigjson` / `.dockercfg`: the
 * `password` fields and the password half of each base64 `auth`.
 */
export function dockerConfigCandidates(
  key: string,
  decoded: string,
  site: PairSite,
): Candidate[] {
  if (!DOCKER_KEYS.has(key)) return [];
  const auths = registryEntries(decoded);
  return auths
    .flatMap((entry) => passwordsOf(entry))
    .map((pw) => ({
      ruleId: "gg:docker-registry-auth",
      title: "container registry password",
      path: site.path,
      line: site.line,
      value: pw.value,
      where: site.where,
      severity: "error" as const,
      alsoMask: [...(site.alsoMask ?? []), ...pw.alsoMask],
      ...(site.resource ? { resource: site.resource } : {}),
    }));
}

function registryEntries(decoded: string): Record<string, unknown>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded);
  } catch (cause) {
    // Not JSON: the text rules still scan the decoded content.
    void cause;
    return [];
  }
  if (!isRecord(parsed)) return [];
  const auths = isRecord(parsed["auths"]) ? parsed["auths"] : parsed;
  return Object.values(auths).filter(isRecord);
}

function passwordsOf(
  entry: Record<string, unknown>,
): { value: string; alsoMask: string[] }[] {
  const out: { value: string; alsoMask: string[] }[] = [];
  const { password, auth } = entry;
  if (typeof password === "string" && password !== "") {
    out.push({ value: password, alsoMask: [] });
  }
  const pair = typeof auth === "string" ? base64Text(auth) : undefined;
  const pw = pair?.slice(pair.indexOf(":") + 1);
  if (pair?.includes(":") && pw)
    out.push({ value: pw, alsoMask: [auth as string] });
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
