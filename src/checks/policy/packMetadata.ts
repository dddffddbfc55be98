import { parse as parseYamlText } from "yaml";
import type { Severity } from "../../findings/finding.js";

/** A rule of the built-in pack, from its `# METADATA` block. */
export interface PackRule {
  id: string;
  title: string;
  severity: Severity;
  description: string;
  remediation: string;
  /** Default severity by environment name. */
  environments: Record<string, Severity>;
  /** The Rego file and 1-based line of the METADATA block. */
  file: string;
  line: number;
}

const SEVERITIES = new Set<string>(["error", "warning", "notice"]);

/**
 * Reads the `# METADATA` comment blocks of a Rego file (OPA's annotation
 * syntax: YAML in `#` comments) and returns the pack rules they declare.
 * Blocks without `custom.id` are ignored; a block with an id but a missing
 * or wrong field throws, so the pack cannot ship a half-documented rule.
 */
export function readPackMetadata(file: string, source: string): PackRule[] {
  return metadataBlocks(source).flatMap(({ line, yaml }) => {
    const doc = parseBlock(file, line, yaml);
    const custom = record(doc["custom"]);
    if (typeof custom["id"] !== "string") return [];
    return [toRule(file, line, doc, custom)];
  });
}

function metadataBlocks(source: string): { line: number; yaml: string }[] {
  const lines = source.split(/\r?\n/);
  const blocks: { line: number; yaml: string }[] = [];
  lines.forEach((text, i) => {
    if (text.trim() !== "# METADATA") return;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const m = /^\s*#( ?)(.*)$/.exec(lines[j]!);
      if (!m) break;
      body.push(m[2]!);
    }
    blocks.push({ line: i + 1, yaml: body.join("\n") });
  });
  return blocks;
}

function parseBlock(
  file: string,
  line: number,
  yaml: string,
): Record<string, unknown> {
  try {
    return record(parseYamlText(yaml));
  } catch (cause) {
    throw new Error(`${file}:${line}: METADATA block is not valid YAML`, {
      cause,
    });
  }
}

function toRule(
  file: string,
  line: number,
  doc: Record<string, unknown>,
  custom: Record<string, unknown>,
): PackRule {
  const where = `${file}:${line}`;
  const text = (v: unknown, name: string): string => {
    if (typeof v === "string" && v.trim() !== "") return v.trim();
    throw new Error(`${where}: METADATA has no ${name}`);
  };
  return {
    id: text(custom["id"], "custom.id"),
    title: text(doc["title"], "title"),
    description: text(doc["description"], "description"),
    remediation: text(custom["remediation"], "custom.remediation"),
    severity: severity(custom["severity"], where),
    environments: environments(custom["environments"], where),
    file,
    line,
  };
}

function severity(v: unknown, where: string): Severity {
  if (typeof v === "string" && SEVERITIES.has(v)) return v as Severity;
  throw new Error(
    `${where}: METADATA custom.severity must be one of ` +
      `error, warning, notice`,
  );
}

function environments(v: unknown, where: string): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  for (const [env, s] of Object.entries(record(v))) {
    out[env] = severity(s, where);
  }
  return out;
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : {};
}
