import { describe, expect, it } from "vitest";
import { compile, RegoError } from "./index.js";

/** Evaluates `query` against v0 modules and returns the first binding x. */
function evalV0(sources: string[], query: string, input?: unknown): unknown {
  const policy = compile(
    sources.map((source, i) => ({ path: `m${i}.rego`, source })),
    { v0Compatible: true },
  );
  return policy.eval(query, { input })[0]?.bindings.x;
}

describe("Rego v0 (OPA's pre-1.0 syntax)", () => {
  const cases: {
    name: string;
    src: string;
    query: string;
    input?: unknown;
    want: unknown;
  }[] = [
    {
      name: "partial set rule p[x] { ... }",
      src: `package t
deny[msg] { input.kind == "Pod"; msg := sprintf("pod %s", [input.name]) }`,
      query: "x := data.t.deny",
      input: { kind: "Pod", name: "a" },
      want: ["pod a"],
    },
    {
      name: "partial object rule p[k] = v { ... }",
      src: `package t
labels[k] = v { v := input.labels[k]; k != "skip" }`,
      query: "x := data.t.labels",
      input: { labels: { a: "1", skip: "2" } },
      want: { a: "1" },
    },
    {
      name: "complete rule with = and a body",
      src: `package t
default allow = false
allow = true { input.user == "admin" }`,
      query: "x := data.t.allow",
      input: { user: "bob" },
      want: false,
    },
    {
      name: "function f(x) = y { ... }",
      src: `package t
double(n) = m { m := n * 2 }
r = y { y := double(21) }`,
      query: "x := data.t.r",
      want: 42,
    },
    {
      name: "else chain",
      src: `package t
grade = "a" { input.score > 90 } else = "b" { input.score > 50 } else = "c" { true }`,
      query: "x := data.t.grade",
      input: { score: 60 },
      want: "b",
    },
    {
      name: "future.keywords.in enables `in` and `some ... in`",
      src: `package t
import future.keywords.in
hit[v] { some v in input.xs; v > 1 }`,
      query: "x := data.t.hit",
      input: { xs: [1, 2, 3] },
      want: [2, 3],
    },
    {
      name: "future.keywords (all) enables if / contains / every",
      src: `package t
import future.keywords
p contains x if { some x in [1, 2] }
all_pos if { every v in input.xs { v > 0 } }`,
      query: "x := [data.t.p, data.t.all_pos]",
      input: { xs: [1] },
      want: [[1, 2], true],
    },
    {
      name: "import rego.v1 switches a module to v1 under --v0-compatible",
      src: `package t
import rego.v1
p contains 1 if true`,
      query: "x := data.t.p",
      want: [1],
    },
    {
      name: "`in` is a plain identifier without future.keywords",
      src: `package t
f(in) = y { y := in + 1 }
r = z { z := f(1) }`,
      query: "x := data.t.r",
      want: 2,
    },
    {
      name: "Gatekeeper-style violation with input.review",
      src: `package k8srequiredlabels
violation[{"msg": msg}] {
  provided := {l | input.review.object.metadata.labels[l]}
  required := {l | l := input.parameters.labels[_]}
  missing := required - provided
  count(missing) > 0
  msg := sprintf("missing: %v", [missing])
}`,
      query: "x := data.k8srequiredlabels.violation",
      input: {
        review: { object: { metadata: { labels: { a: "1" } } } },
        parameters: { labels: ["a", "b"] },
      },
      want: [{ msg: 'missing: {"b"}' }],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(evalV0([c.src], c.query, c.input)).toEqual(c.want);
    });
  }

  it("reports v0 syntax as a parse error in v1 mode", () => {
    const src = `package t\np[x] { x := 1 }`;
    expect(() => compile([{ path: "a.rego", source: src }])).toThrow(
      /a\.rego:2: rego_parse_error: `if` keyword is required/,
    );
  });

  it("accepts a v1-only keyword use under v0 only with future.keywords", () => {
    const src = `package t\np contains 1 if true`;
    const run = () =>
      compile([{ path: "a.rego", source: src }], { v0Compatible: true });
    expect(run).toThrow(RegoError);
  });
});

describe("Gatekeeper library style (v0 with deprecated builtins)", () => {
  it("evaluates k8sallowedrepos using any()", () => {
    const src = `package k8sallowedrepos
violation[{"msg": msg}] {
  container := input.review.object.spec.containers[_]
  satisfied := [good | repo = input.parameters.repos[_] ; good = startswith(container.image, repo)]
  not any(satisfied)
  msg := sprintf("container <%v> has an invalid image repo <%v>", [container.name, container.image])
}`;
    const input = {
      review: {
        object: {
          spec: {
            containers: [
              { name: "a", image: "evil/x" },
              { name: "b", image: "ok/y" },
            ],
          },
        },
      },
      parameters: { repos: ["ok/"] },
    };
    expect(evalV0([src], "x := data.k8sallowedrepos.violation", input)).toEqual(
      [{ msg: "container <a> has an invalid image repo <evil/x>" }],
    );
  });
});
