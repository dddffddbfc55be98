import { RE2JS } from "re2js";
import { parse } from "yaml";

/** One `creation_rules` entry of `.sops.yaml`, regexes compiled (RE2). */
export interface SopsRule {
  /** 0-based index in `creation_rules`. */
  index: number;
  pathRegex?: RE2JS;
  encryptedRegex?: RE2JS;
  unencryptedRegex?: RE2JS;
  encryptedSuffix?: string;
  unencryptedSuffix?: string;
}

/**
 * Parses the `creation_rules` of a `.sops.yaml`. Regexes are compiled with
 * RE2 (linear time: the file may be hostile). Throws with the rule index
 * when a regex does not compile.
 */
export function parseSopsConfig(text: string): SopsRule[] {
  const doc: unknown = parse(text, { maxAliasCount: 100 });
  const rules = isRecord(doc) ? doc["creation_rules"] : undefined;
  if (!Array.isArray(rules)) return [];
  return rules.filter(isRecord).map((r, index) => toRule(r, index));
}

/**
 * The first rule whose `path_regex` matches (sops semantics: rules in
 * order, one without `path_regex` matches every file). sops matches the
 * path relative to the `.sops.yaml`; `paths` may add the repository path,
 * tried for the same rule before moving to the next.
 */
export function sopsRuleFor(
  rules: readonly SopsRule[],
  ...paths: string[]
): SopsRule | undefined {
  return rules.find(
    (r) => r.pathRegex === undefined || paths.some((p) => r.pathRegex?.test(p)),
  );
}

/**
 * Whether sops would encrypt the value at `keys` under `rule`: suffix and
 * regex options apply to any key on the path; with none set, everything
 * but `*_unencrypted` keys is encrypted.
 */
export function mustEncrypt(rule: SopsRule, keys: readonly string[]): boolean {
  const any = (f: (k: string) => boolean) => keys.some(f);
  if (rule.unencryptedSuffix !== undefined) {
    return !any((k) => k.endsWith(rule.unencryptedSuffix as string));
  }
  if (rule.encryptedSuffix !== undefined) {
    return any((k) => k.endsWith(rule.encryptedSuffix as string));
  }
  if (rule.unencryptedRegex) {
    return !any((k) => rule.unencryptedRegex?.test(k) ?? false);
  }
  if (rule.encryptedRegex)
    return any((k) => rule.encryptedRegex?.test(k) ?? false);
  return !any((k) => k.endsWith("_unencrypted"));
}

function toRule(r: Record<string, unknown>, index: number): SopsRule {
  const rule: SopsRule = { index };
  const compile = (key: string): RE2JS | undefined => {
    const src = r[key];
    if (typeof src !== "string") return undefined;
    try {
      return RE2JS.compile(src);
    } catch (cause) {
      throw new Error(
        `.sops.yaml creation_rules[${index}].${key}: invalid regex`,
        { cause },
      );
    }
  };
  const set = <K extends keyof SopsRule>(k: K, v: SopsRule[K] | undefined) => {
    if (v !== undefined) rule[k] = v;
  };
  set("pathRegex", compile("path_regex"));
  set("encryptedRegex", compile("encrypted_regex"));
  set("unencryptedRegex", compile("unencrypted_regex"));
  set("encryptedSuffix", str(r["encrypted_suffix"]));
  set("unencryptedSuffix", str(r["unencrypted_suffix"]));
  return rule;
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
