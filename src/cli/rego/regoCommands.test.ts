import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { regoEval } from "./regoEval.js";
import { regoTest } from "./regoTest.js";

function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), "rego-cli-"));
  writeFileSync(
    join(dir, "policy.rego"),
    `package main
deny[msg] { input.kind == "Pod"; not input.metadata.labels.app; msg := "no app label" }
limit := data.config.max`,
  );
  writeFileSync(
    join(dir, "policy_test.rego"),
    `package main
test_deny { deny["no app label"] with input as {"kind": "Pod", "metadata": {}} }
test_fails { count(deny) == 5 with input as {"kind": "Pod", "metadata": {}} }`,
  );
  mkdirSync(join(dir, "config"));
  writeFileSync(
    join(dir, "config", "data.yaml"),
    "max: 18446744073709551617\n",
  );
  writeFileSync(join(dir, "input.json"), '{"kind": "Pod", "metadata": {}}');
  return dir;
}

describe("rego eval", () => {
  it("prints opa eval --format json output with data from directories", () => {
    const dir = fixture();
    const r = regoEval("data.main", {
      data: [dir],
      input: join(dir, "input.json"),
      format: "json",
      v0Compatible: true,
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('"limit": 18446744073709551617');
    const doc = JSON.parse(r.out) as {
      result: { expressions: { value: { deny: string[] } }[] }[];
    };
    expect(doc.result[0]?.expressions[0]?.value.deny).toEqual(["no app label"]);
  });

  it("prints {} for an undefined query", () => {
    const r = regoEval("data.nothing.here", { data: [], format: "json" });
    expect(r).toEqual({ out: "{}", code: 0 });
  });

  it("reports v0 syntax as errors without --v0-compatible", () => {
    const r = regoEval("data.main", { data: [fixture()], format: "json" });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).errors[0].code).toBe("rego_parse_error");
  });
});

describe("rego test", () => {
  it("runs test_ rules, reports failures and exits 1", () => {
    const r = regoTest([fixture()], { v0Compatible: true });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/data\.main\.test_fails: FAIL/);
    expect(r.out).toMatch(/PASS: 1\/2/);
    expect(r.out).toMatch(/FAIL: 1\/2/);
  });

  it("filters tests with --run", () => {
    const r = regoTest([fixture()], {
      v0Compatible: true,
      run: "deny",
      verbose: true,
    });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/data\.main\.test_deny: PASS/);
  });
});

describe("rego test outcomes, as opa test reports them", () => {
  function suite(): string {
    const dir = mkdtempSync(join(tmpdir(), "rego-test-"));
    writeFileSync(
      join(dir, "x_test.rego"),
      [
        "package x",
        "",
        "clash := 1 if input.on",
        "clash := 2 if input.on",
        "",
        "test_value := 5",
        "test_clash if clash == 1 with input.on as true",
        'test_printed if { print("seen"); false }',
        "todo_test_later if false",
        "",
      ].join("\n"),
    );
    return dir;
  }

  it("counts PASS, FAIL, SKIPPED and ERROR and shows failures under their file", () => {
    const dir = suite();
    const r = regoTest([dir], {});
    expect(r.code).toBe(1);
    const lines = r.out.split("\n").map((l) => l.replace(/\(.*\)$/, "(t)"));
    expect(lines).toEqual([
      `${join(dir, "x_test.rego")}:`,
      "data.x.test_clash: ERROR (t)",
      expect.stringContaining("eval_conflict_error"),
      "data.x.test_printed: FAIL (t)",
      "",
      "  seen",
      "",
      "data.x.todo_test_later: SKIPPED (t)",
      "-".repeat(80),
      "PASS: 1/4",
      "FAIL: 1/4",
      "SKIPPED: 1/4",
      "ERROR: 1/4",
    ]);
  });

  it("matches --run against the full name and refuses a bad regex", () => {
    const r = regoTest([suite()], { run: "^data\\.x\\.test_value$" });
    expect(r).toEqual({ out: "PASS: 1/1", code: 0 });
    expect(() => regoTest([suite()], { run: "(" })).toThrow(
      /not a valid regex/,
    );
  });
});

describe("rego eval input", () => {
  it("reads YAML input and reports a broken document with its file", () => {
    const dir = mkdtempSync(join(tmpdir(), "rego-in-"));
    writeFileSync(join(dir, "in.yaml"), "kind: Pod\nreplicas: 3\n");
    writeFileSync(join(dir, "bad.yaml"), "kind: [\n");
    const r = regoEval("input.replicas", {
      data: [],
      input: join(dir, "in.yaml"),
      format: "pretty",
    });
    expect(r).toEqual({ out: "3", code: 0 });
    expect(() =>
      regoEval("input", {
        data: [],
        input: join(dir, "bad.yaml"),
        format: "json",
      }),
    ).toThrow(/bad\.yaml is not valid JSON or YAML/);
    expect(() =>
      regoEval("input", { data: [], input: dir, format: "json" }),
    ).toThrow(`cannot read ${dir}: it is a directory, a file was expected`);
  });
});

describe("rego eval --fail and --fail-defined", () => {
  it("exit 1 on an undefined or a defined result, as opa eval does", () => {
    const base = { data: [], format: "json" as const };
    expect(regoEval("1 == 2", { ...base, fail: true }).code).toBe(1);
    expect(regoEval("1 == 1", { ...base, fail: true }).code).toBe(0);
    expect(regoEval("1 == 1", { ...base, failDefined: true }).code).toBe(1);
    expect(regoEval("1 == 2", { ...base, failDefined: true }).code).toBe(0);
  });
});

describe("rego errors for a terminal", () => {
  it("name file:line:col in pretty eval output and in rego test", () => {
    const dir = mkdtempSync(join(tmpdir(), "rego-err-"));
    writeFileSync(
      join(dir, "bad.rego"),
      "package main\n\ndeny contains msg if {\n  msg := \n}\n",
    );
    const file = join(dir, "bad.rego");
    const r = regoEval("data.main", { data: [dir], format: "pretty" });
    expect(r.code).toBe(1);
    expect(r.out.startsWith(`${file}:4:`)).toBe(true);
    expect(r.out).toMatch(/:4:\d+: rego_parse_error: /);
    const t = regoTest([dir], {});
    expect(t.code).toBe(1);
    expect(t.out).toMatch(/bad\.rego:\d+:\d+: rego_parse_error/);
  });
});
