import { compile, RegoError, type CompiledPolicy } from "../../rego/index.js";
import { UsageError } from "../UsageError.js";
import { errorText } from "./errorText.js";
import { loadRegoFiles, type LoadedFiles } from "./loadRegoFiles.js";
import { formatTestReport, type TestOutcome } from "./testReport.js";

/** Options of `gitops-gate rego test`. */
export interface RegoTestOptions {
  verbose?: boolean;
  run?: string;
  v0Compatible?: boolean;
}

interface TestCase {
  file: string;
  name: string;
  skip: boolean;
}

const TEST_HEAD = /^((?:todo_)?test_\w+)\b(?!\s*\()/gm;

/** `test_*` rules (and `todo_test_*`, skipped) in source order. */
function findTests(modules: LoadedFiles["modules"]): TestCase[] {
  const out: TestCase[] = [];
  const seen = new Set<string>();
  for (const m of modules) {
    const pkg = /^\s*package\s+([\w.]+)/m.exec(m.source)?.[1];
    if (!pkg) continue;
    for (const t of m.source.matchAll(TEST_HEAD)) {
      const name = `data.${pkg}.${t[1]}`;
      if (seen.has(name)) continue;
      seen.add(name);
      out.push({ file: m.path, name, skip: t[1]!.startsWith("todo_") });
    }
  }
  return out;
}

/**
 * One test as `opa test` runs it: it passes when the rule is defined and
 * not false; an evaluation error (a conflict, a limit) is an ERROR.
 */
function runOne(
  policy: CompiledPolicy,
  t: TestCase,
  files: LoadedFiles,
): TestOutcome {
  const output: string[] = [];
  const start = performance.now();
  const outcome = (status: TestOutcome["status"], error?: string) => ({
    file: t.file,
    name: t.name,
    status,
    ms: performance.now() - start,
    output,
    ...(error === undefined ? {} : { error }),
  });
  if (t.skip) return outcome("SKIPPED");
  try {
    const rows = policy.eval(t.name, {
      data: files.data,
      print: (m) => output.push(m),
    });
    const value = rows[0]?.expressions[0]?.value;
    const pass = rows.length > 0 && value !== false && value !== undefined;
    return outcome(pass ? "PASS" : "FAIL");
  } catch (e) {
    if (e instanceof RegoError) return outcome("ERROR", errorText(e));
    throw e;
  }
}

/** Runs `test_*` rules like `opa test`; returns the report and exit code. */
export function regoTest(
  paths: string[],
  opts: RegoTestOptions,
): { out: string; code: number } {
  const re = opts.run === undefined ? undefined : runPattern(opts.run);
  const files = loadRegoFiles(paths.length ? paths : ["."]);
  let policy: CompiledPolicy;
  try {
    policy = compile(files.modules, { v0Compatible: opts.v0Compatible });
  } catch (e) {
    if (e instanceof RegoError) return { out: errorText(e), code: 1 };
    throw e;
  }
  const tests = findTests(files.modules).filter((t) => !re || re.test(t.name));
  const outcomes = tests.map((t) => runOne(policy, t, files));
  const bad = outcomes.some((o) => o.status === "FAIL" || o.status === "ERROR");
  return {
    out: formatTestReport(outcomes, opts.verbose ?? false),
    code: bad ? 1 : 0,
  };
}

function runPattern(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new UsageError(`--run ${source} is not a valid regex: ${why}`, {
      cause,
    });
  }
}
