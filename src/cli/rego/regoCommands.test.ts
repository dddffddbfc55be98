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
