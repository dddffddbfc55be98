import type { z } from "zod";
import { parseYaml } from "../manifests/parseYaml.js";
import { ConfigError, type ConfigProblem } from "./ConfigError.js";
import { configSchema, type Config } from "./schema.js";

/**
 * Parses and validates config text. An empty file means the defaults.
 * Throws {@link ConfigError} naming the file, key path, line and the
 * allowed values.
 *
 * @param file - path shown in errors, e.g. `.github/gitops-gate.yml`
 */
export function parseConfig(file: string, text: string | Buffer): Config {
  const parsed = parseYaml(file, text, {
    maxFileBytes: 1024 * 1024,
    maxAliasCount: 100,
  });
  if (parsed.problems.length > 0) {
    throw new ConfigError(
      file,
      parsed.problems.map((p) => ({
        key: "",
        line: p.location.line,
        message: p.message,
      })),
    );
  }
  const [doc, ...extra] = parsed.documents;
  if (extra.length > 0) {
    throw new ConfigError(file, [
      { key: "", message: "config must be a single YAML document" },
    ]);
  }
  const value = doc?.value ?? {};
  const result = configSchema.safeParse(value);
  if (result.success) return result.data;
  throw new ConfigError(
    file,
    result.error.issues.map((issue) => toProblem(issue, doc?.locate)),
  );
}

type Locate = NonNullable<
  ReturnType<typeof parseYaml>["documents"][0]
>["locate"];

function toProblem(issue: z.core.$ZodIssue, locate?: Locate): ConfigProblem {
  const path = issue.path.filter(
    (p): p is string | number => typeof p !== "symbol",
  );
  const extraKeys = issue.code === "unrecognized_keys" ? issue.keys : [];
  const at = extraKeys.length > 0 ? [...path, extraKeys[0] ?? ""] : path;
  const problem: ConfigProblem = {
    key: at.join("."),
    message: describe(issue),
  };
  const line = locate?.(at).line;
  if (line !== undefined) problem.line = line;
  return problem;
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `unknown key ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_value":
      return `invalid value; allowed: ${issue.values.map(String).join(", ")}`;
    case "invalid_type":
      return `expected ${issue.expected}`;
    default:
      return issue.message;
  }
}
