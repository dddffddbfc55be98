import { compile, RegoError, type CompiledPolicy } from "../../rego/index.js";
import { loadRegoFiles } from "./loadRegoFiles.js";

/** Options of `gitops-gate rego test`. */
export interface RegoTestOptions {
  verbose?: boolean;
  run?: string;
  v0Compatible?: boolean;
}

interface TestCase {
  file: string;
  name: string;
}

function findTests(modules: { path: string; source: string }[]): TestCase[] {
  const out: TestCase[] = [];
  for (const m of modules) {
    const pkg = /^\s*package\s+([\w.]+)/m.exec(m.source)?.[1];
    if (!pkg) continue;
    const seen = new Set<string>();
    for (const t of m.source.matchAll(/^(test_\w+)\b/gm)) {
      const name = `data.${pkg}.${t[1]}`;
      if (!seen.has(name)) out.push({ file: m.path, name });
      seen.add(name);
    }
  }
  return out;
}

function runOne(
  policy: CompiledPolicy,
  name: string,
  data: unknown,
): "PASS" | "FAIL" | string {
  try {
    const rows = policy.eval(name, { data });
    return rows.length && rows[0]!.expressions[0]!.value === true
      ? "PASS"
      : "FAIL";
  } catch (e) {
    if (e instanceof RegoError) return `ERROR: ${e.message}`;
    throw e;
  }
}

/** Runs `test_*` rules like `opa test`; returns the report and exit code. */
export function regoTest(
  paths: string[],
  opts: RegoTestOptions,
): { out: string; code: number } {
  const files = loadRegoFiles(paths.length ? paths : ["."]);
  let policy: CompiledPolicy;
  try {
    policy = compile(files.modules, { v0Compatible: opts.v0Compatible });
  } catch (e) {
    if (e instanceof RegoError) return { out: e.message, code: 1 };
    throw e;
  }
  const re = opts.run ? new RegExp(opts.run) : undefined;
  const tests = findTests(files.modules).filter((t) => !re || re.test(t.name));
  const lines: string[] = [];
  let pass = 0;
  let lastFile = "";
  for (const t of tests) {
    const start = performance.now();
    const res = runOne(policy, t.name, files.data);
    const ms = (performance.now() - start).toFixed(1);
    if (res === "PASS") pass++;
    if (res === "PASS" && !opts.verbose) continue;
    if (opts.verbose && t.file !== lastFile) lines.push(`${t.file}:`);
    lastFile = t.file;
    lines.push(`${t.name}: ${res} (${ms}ms)`);
  }
  const fail = tests.length - pass;
  lines.push("-".repeat(80));
  if (pass) lines.push(`PASS: ${pass}/${tests.length}`);
  if (fail) lines.push(`FAIL: ${fail}/${tests.length}`);
  if (!tests.length) lines.push("no tests found");
  return { out: lines.join("\n"), code: fail ? 1 : 0 };
}
