import { describe, expect, it } from "vitest";
import { compile, RegoError } from "./index.js";

const mod = (source: string, path = "p.rego") => [{ path, source }];

describe("compile / eval API", () => {
  it("returns expressions and bindings like opa eval", () => {
    const p = compile(mod("package a\nimport rego.v1\nallow if input.x == 1"));
    const r = p.eval("data.a.allow", { input: { x: 1 } });
    expect(r).toEqual([
      {
        expressions: [
          { value: true, text: "data.a.allow", location: { row: 1, col: 1 } },
        ],
        bindings: {},
      },
    ]);
  });

  it("keeps integers beyond 2^53 exact in and out", () => {
    const p = compile([]);
    const big = 18446744073709551616n;
    const r = p.eval("x := input.n + 1", { input: { n: big } });
    expect(r[0]?.bindings.x).toBe(big + 1n);
  });

  it("returns sets as sorted arrays", () => {
    const r = compile([]).eval('x := {"b", "a", "c"}');
    expect(r[0]?.bindings.x).toEqual(["a", "b", "c"]);
  });

  it("prepares once and evaluates many times", () => {
    const p = compile(mod("package a\nimport rego.v1\nd := input.v * 2"));
    const q = p.prepare("x := data.a.d");
    expect(
      [1, 2, 3].map((v) => q.eval({ input: { v } })[0]?.bindings.x),
    ).toEqual([2, 4, 6]);
  });

  it("throws a parse error with file and position", () => {
    try {
      compile(mod("package a\np := [1,", "bad.rego"));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RegoError);
      const err = e as RegoError;
      expect(err.code).toBe("rego_parse_error");
      expect(err.errors[0]?.location?.file).toBe("bad.rego");
    }
  });

  it("reports unsafe variables at compile time", () => {
    const run = () => compile(mod("package a\nimport rego.v1\np if x > 1"));
    expect(run).toThrow(/rego_unsafe_var_error: var x is unsafe/);
  });

  it("raises eval_conflict_error for complete rule conflicts", () => {
    const p = compile(
      mod("package a\nimport rego.v1\np := 1 if true\np := 2 if true"),
    );
    expect(() => p.eval("data.a.p")).toThrow(/eval_conflict_error/);
  });

  it("makes builtin errors undefined unless strict", () => {
    const p = compile([]);
    expect(p.eval("x := 1 / 0")).toEqual([]);
    expect(() => p.eval("x := 1 / 0", { strictBuiltinErrors: true })).toThrow(
      /eval_builtin_error: div: divide by zero/,
    );
  });

  it("stops runaway evaluation with a step limit", () => {
    const p = compile([]);
    const q =
      "x := count([1 | numbers.range(1, 2000)[_]; numbers.range(1, 2000)[_]])";
    try {
      p.eval(q, { maxSteps: 10_000 });
      expect.unreachable();
    } catch (e) {
      expect((e as RegoError).code).toBe("eval_cancel_error");
      expect((e as Error).message).toMatch(/step limit exceeded/);
    }
  });

  it("stops runaway evaluation with a time limit", () => {
    const p = compile([]);
    const q =
      "x := count([1 | numbers.range(1, 5000)[_]; numbers.range(1, 5000)[_]])";
    expect(() => p.eval(q, { timeoutMs: 20 })).toThrow(/time limit exceeded/);
  });

  it("lists packages and METADATA annotations", () => {
    const src = `# METADATA
# title: Main
package main
import rego.v1

# METADATA
# title: No latest
# custom:
#   severity: high
deny contains "x" if false`;
    const p = compile(mod(src));
    expect(p.packages()).toEqual(["main"]);
    const anns = p.annotations();
    expect(anns.map((a) => [a.scope, a.path, a.title])).toEqual([
      ["package", "data.main", "Main"],
      ["rule", "data.main.deny", "No latest"],
    ]);
    expect(anns[1]?.custom).toEqual({ severity: "high" });
  });

  it("routes print() output to the print option", () => {
    const lines: string[] = [];
    compile([]).eval('print("hi", 1)', { print: (m) => lines.push(m) });
    expect(lines).toEqual(["hi 1"]);
  });

  it("refuses network builtins", () => {
    const p = compile([]);
    const run = () =>
      p.eval('http.send({"method": "get", "url": "https://x"})', {
        strictBuiltinErrors: true,
      });
    expect(run).toThrow(/disabled/);
  });
});

describe("large inputs", () => {
  it("evaluates a policy holding a 50,000-element literal", () => {
    const items = Array.from({ length: 50_000 }, (_v, i) => `{"i": ${i}}`).join(
      ", ",
    );
    const p = compile(mod(`package big\nimport rego.v1\nxs := [${items}]`));
    expect(p.eval("x := count(data.big.xs)")[0]?.bindings.x).toBe(50_000);
  });
});
