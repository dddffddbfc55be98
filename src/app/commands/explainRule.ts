import {
  readPackMetadata,
  type PackRule,
} from "../../checks/policy/packMetadata.js";
import { readBuiltinPackFiles } from "../../checks/policy/builtinPackFiles.js";
import {
  SCHEMA_RULES,
  type SchemaRuleDoc,
} from "../../checks/schema/schemaRules.js";
import {
  IMAGE_RULE_DOCS,
  type ImageRuleDoc,
} from "../../checks/images/imageRuleDocs.js";
import { escapeMarkdown } from "../../report/escapeMarkdown.js";

/** Markdown about one rule id, or undefined for an unknown id. */
export type ExplainRule = (ruleId: string) => Promise<string | undefined>;

/**
 * Explains rules of the built-in pack from their `# METADATA` blocks
 * (title, default severity, description and remediation; the pack is read
 * once, on first use), and the schema and images checks' rules.
 */
export function builtinRuleExplainer(read = readBuiltinPackFiles): ExplainRule {
  let rules: Promise<Map<string, PackRule>> | undefined;
  const load = async (): Promise<Map<string, PackRule>> => {
    const files = await read();
    const all = files.flatMap((f) => readPackMetadata(f.path, f.source));
    return new Map(all.map((r) => [r.id, r]));
  };
  return async (ruleId) => {
    const rule = (await (rules ??= load())).get(ruleId);
    if (rule) return formatRule(rule);
    const schema = SCHEMA_RULES.get(ruleId);
    if (schema) return formatSchemaRule(schema);
    const image = IMAGE_RULE_DOCS.get(ruleId);
    return image ? formatRuleDoc(image) : undefined;
  };
}

/** The Markdown of one schema-check rule. Pure. */
export function formatSchemaRule(rule: SchemaRuleDoc): string {
  const severity =
    rule.severity === "config"
      ? "set by `checks.schema.unknownKinds`"
      : rule.severity;
  return formatRuleDoc({ ...rule, severity });
}

/** The Markdown of a rule described in code. Pure. */
export function formatRuleDoc(rule: ImageRuleDoc): string {
  return [
    `**${rule.id}**: ${escapeMarkdown(rule.title)}`,
    "",
    `Default severity: ${rule.severity}.`,
    "",
    rule.description,
    "",
    `**Fix:** ${rule.remediation}`,
  ].join("\n");
}

/** The Markdown of one pack rule. Pure. */
export function formatRule(rule: PackRule): string {
  const envs = Object.entries(rule.environments)
    .map(([env, sev]) => `${env}: ${sev}`)
    .join(", ");
  return [
    `**${rule.id}**: ${escapeMarkdown(rule.title)}`,
    "",
    `Default severity: ${rule.severity}${envs ? ` (${envs})` : ""}.`,
    "",
    rule.description,
    "",
    `**Fix:** ${rule.remediation}`,
    "",
    `Source: \`${rule.file}:${rule.line}\``,
  ].join("\n");
}
