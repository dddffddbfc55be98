import { lintSource } from "@secretlint/core";
import { secretLintProfiler } from "@secretlint/profiler";
import { creator as patternRule } from "@secretlint/secretlint-rule-pattern";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";
import type {
  SecretLintCoreConfig,
  SecretLintCoreResultMessage,
} from "@secretlint/types";

/** One match of a secretlint rule, with the matched value. */
export interface RuleHit {
  /** `aws:AWSSecretAccessKey`, `pattern:GitLab token`, ... */
  ruleId: string;
  /** What was found, without the value. */
  title: string;
  /** 1-based lines in the scanned text. */
  line: number;
  endLine: number;
  value: string;
}

/** Credential shapes the recommended preset does not know. */
export const EXTRA_PATTERNS: readonly { name: string; patterns: string[] }[] = [
  {
    // Ed25519 and short EC keys, which the preset's private key rule
    // leaves out (it wants 100+ base64 characters).
    name: "private key",
    patterns: [
      "/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]{1,16384}?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/",
    ],
  },
  { name: "GitLab token", patterns: ["/\\bglpat-[0-9A-Za-z_-]{20}\\b/"] },
  { name: "Google API key", patterns: ["/\\bAIza[0-9A-Za-z_-]{35}\\b/"] },
  { name: "Stripe live key", patterns: ["/\\b[rs]k_live_[0-9A-Za-z]{20,}/"] },
  { name: "Vault token", patterns: ["/\\bhv[sb]\\.[A-Za-z0-9_-]{24,}/"] },
  { name: "age secret key", patterns: ["/AGE-SECRET-KEY-1[0-9A-Z]{58}/"] },
  { name: "Docker Hub token", patterns: ["/\\bdckr_pat_[A-Za-z0-9_-]{27}/"] },
];

/**
 * The secretlint configuration: the recommended preset (AWS key IDs
 * included) plus the pattern rule with {@link EXTRA_PATTERNS}.
 */
export const SECRETLINT_CONFIG: SecretLintCoreConfig = {
  rules: [
    {
      id: "@secretlint/secretlint-rule-preset-recommend",
      rule: recommended,
      rules: [
        {
          id: "@secretlint/secretlint-rule-aws",
          options: { enableIDScanRule: true },
        },
      ],
    },
    {
      id: "@secretlint/secretlint-rule-pattern",
      rule: patternRule,
      options: { patterns: EXTRA_PATTERNS.map((p) => ({ ...p })) },
    },
  ],
};

/**
 * Rules that only back up others: dropped on a line where another rule
 * (or a better decoder) already reported.
 */
export function isFallbackRule(ruleId: string): boolean {
  return ruleId.startsWith("gg:") || ruleId === "pattern:private key";
}

/**
 * Runs the secretlint rules over `text` (the file at `path`) and returns
 * each hit with its value. The value stays in memory; callers mask it.
 */
export async function secretlintScan(
  text: string,
  path: string,
): Promise<RuleHit[]> {
  silenceProfiler();
  const result = await lintSource({
    source: {
      content: text,
      filePath: safeFilePath(path),
      contentType: "text",
    },
    options: { config: SECRETLINT_CONFIG, locale: "en" },
  });
  return result.messages
    .filter((m) => m.type === "message")
    .map((m) => toHit(m, text));
}

/**
 * A path for secretlint that keeps the file's name (rules for `.npmrc` and
 * `package.json` need it) but points nowhere: one rule reads `.p12` files
 * from disk by that path, and PR content must never choose what we read.
 */
export function safeFilePath(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1).replace(/[^\w.-]/g, "_");
  return `/nonexistent/gitops-gate/${base.replace(/\.p12$/i, ".p12.txt")}`;
}

/**
 * secretlint's profiler keeps every mark of every run in memory and scans
 * them all on each new one, so a long-running app slows down and grows.
 * We never read its figures: give it a timer that records nothing.
 */
function silenceProfiler(): void {
  const profiler = secretLintProfiler as unknown as Record<string, unknown>;
  if (profiler["perf"] !== SILENT_TIMER) profiler["perf"] = SILENT_TIMER;
}

const SILENT_TIMER = {
  mark: (): void => undefined,
  measure: (): void => undefined,
};

function toHit(m: SecretLintCoreResultMessage, text: string): RuleHit {
  const data = (m.data ?? {}) as Record<string, unknown>;
  const value = valueOf(data, text.slice(m.range[0], m.range[1]));
  const name = m.ruleId.replace(/^@secretlint\/secretlint-rule-/, "");
  const label =
    typeof data["PATTERN_NAME"] === "string"
      ? data["PATTERN_NAME"]
      : m.messageId;
  return {
    ruleId: `${name}:${label}`,
    title: titleOf(m.message, { ...data, VALUE: value }, label),
    line: m.loc.start.line,
    endLine: m.loc.end.line,
    value,
  };
}

/** The secret itself: the longest data field (rules put it there). */
function valueOf(data: Record<string, unknown>, matched: string): string {
  const fields = Object.entries(data)
    .filter(([k, v]) => k !== "PATTERN_NAME" && typeof v === "string")
    .map(([, v]) => v as string)
    .sort((a, b) => b.length - a.length);
  return fields[0] ?? matched;
}

/** The rule's message with every data value cut out. */
function titleOf(
  message: string,
  data: Record<string, unknown>,
  fallback: string,
): string {
  let title = message;
  for (const [k, v] of Object.entries(data)) {
    if (k !== "PATTERN_NAME" && typeof v === "string" && v !== "") {
      title = title.split(v).join("");
    }
  }
  title = title
    .replace(/^found\s+(?:matching\s+)?/i, "")
    .replace(/\(\)/g, "")
    .replace(/[\s:]+$/, "");
  return title.length > 0 && title.length <= 80 ? title : fallback;
}
