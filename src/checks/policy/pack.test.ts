import { describe, expect, it } from "vitest";
import { compile } from "../../rego/index.js";
import { readBuiltinPackFiles } from "./builtinPackFiles.js";
import { packageOf } from "./conftestRules.js";

// The pack's own `_test.rego` suites, run the way `opa test` runs them: every
// `test_*` rule of every module must evaluate to true.
const files = await readBuiltinPackFiles();
const tests = files.flatMap((f) => {
  const pkg = packageOf(f.source);
  const names = [...f.source.matchAll(/^(test_\w+)/gm)].map((m) => m[1]!);
  return names.map((name): [string, string] => [`${pkg}`, name]);
});

describe("built-in pack Rego tests", () => {
  const policy = compile(files);

  it("has tests for every rule package", () => {
    const tested = new Set(tests.map(([pkg]) => pkg.replace(/_test$/, "")));
    for (const f of files.filter((x) => !x.path.endsWith("_test.rego"))) {
      expect(tested).toContain(packageOf(f.source));
    }
  });

  it.each(tests)("data.%s.%s", (pkg, name) => {
    const results = policy.eval(`data.${pkg}.${name}`, { timeoutMs: 5000 });
    expect(results[0]?.expressions[0]?.value).toBe(true);
  });
});
