import type { z } from "zod";
import { parseYaml } from "../manifests/parseYaml.js";
import { ConfigError, type ConfigProblem } from "./ConfigError.js";
import { closest } from "./closest.js";
import { knownKeys } from "./knownKeys.js";
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
  const result = configSchema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const lines = String(text).split(/\r?\n/);
  const problems = result.error.issues.map((i) =>
    toProblem(i, doc?.locate, (n) => lines[n - 1]),
  );
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  throw new ConfigError(file, problems);
}

type Locate = NonNullable<
  ReturnType<typeof parseYaml>["documents"][0]
>["locate"];

function toProblem(
  issue: z.core.$ZodIssue,
  locate: Locate | undefined,
  lineText: (line: number) => string | undefined,
): ConfigProblem {
  const path = issue.path.filter(
    (p): p is string | number => typeof p !== "symbol",
  );
  const extraKeys = issue.code === "unrecognized_keys" ? issue.keys : [];
  const at = extraKeys.length > 0 ? [...path, extraKeys[0] ?? ""] : path;
  const line = locate?.(at).line;
  const written = line === undefined ? undefined : writtenValue(lineText(line));
  const problem: ConfigProblem = {
    key: at.join("."),
    message: describe(issue, path, written),
  };
  if (line !== undefined) problem.line = line;
  return problem;
}

/**
 * What to put in quotes: the number as written (`1.30`, which YAML read as
 * 1.3) when the line shows it, else as parsed.
 */
function quotable(input: number, written: string | undefined): string {
  return written !== undefined && Number(written) === input
    ? written
    : String(input);
}

/** The plain scalar after `key:` on a line, as the user wrote it. */
function writtenValue(line: string | undefined): string | undefined {
  return line === undefined
    ? undefined
    : /:\s+([^\s#'"]+)\s*(#.*)?$/.exec(line)?.[1];
}

function describe(
  issue: z.core.$ZodIssue,
  path: readonly (string | number)[],
  written?: string,
): string {
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeys(path);
      const hints = issue.keys.map((k) => {
        const near = closest(k, known);
        return near ? `"${k}" (did you mean "${near}"?)` : `"${k}"`;
      });
      return `unknown key ${hints.join(", ")}`;
    }
    case "invalid_value":
      return `invalid value; allowed: ${issue.values.map(String).join(", ")}`;
    case "invalid_type":
      return issue.expected === "string" && typeof issue.input === "number"
        ? `expected a string; quote the value ("${quotable(issue.input, written)}")`
        : `expected ${issue.expected}`;
    default:
      return issue.message;
  }
}
