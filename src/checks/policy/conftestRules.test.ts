import { describe, expect, it } from "vitest";
import { conftestRules, exceptionName, packageOf } from "./conftestRules.js";

const V1 = `package main

import rego.v1

# deny_commented contains msg if { true }
deny contains msg if { msg := "a" }
deny_latest contains msg if { msg := "b" }
warn_limits contains msg if { msg := "c" }
violation contains {"msg": m} if { m := "d" }
deny_helper(x) if { x }
denying := 1
exception contains rules if { rules := ["latest"] }
msg := "deny contains x if"
`;

const V0 = `package kubernetes.deployments
deny[msg] {
  msg := "x"
}
warn[msg] { msg := "y" }
`;

describe("conftestRules", () => {
  it("finds deny/violation/warn rules and exception, skipping comments, helpers and strings", () => {
    const { rules, exceptions } = conftestRules([
      { path: "p/main.rego", source: V1 },
      { path: "p/deploy.rego", source: V0 },
    ]);
    expect(rules).toEqual([
      {
        namespace: "main",
        name: "deny",
        kind: "failure",
        line: 6,
        path: "p/main.rego",
      },
      {
        namespace: "main",
        name: "deny_latest",
        kind: "failure",
        line: 7,
        path: "p/main.rego",
      },
      {
        namespace: "main",
        name: "warn_limits",
        kind: "warning",
        line: 8,
        path: "p/main.rego",
      },
      {
        namespace: "main",
        name: "violation",
        kind: "failure",
        line: 9,
        path: "p/main.rego",
      },
      {
        namespace: "kubernetes.deployments",
        name: "deny",
        kind: "failure",
        line: 2,
        path: "p/deploy.rego",
      },
      {
        namespace: "kubernetes.deployments",
        name: "warn",
        kind: "warning",
        line: 5,
        path: "p/deploy.rego",
      },
    ]);
    expect([...exceptions]).toEqual(["main"]);
  });

  it("ignores a module without a package", () => {
    expect(
      conftestRules([{ path: "x.rego", source: "deny[x] { x }" }]).rules,
    ).toEqual([]);
  });

  it("reads the package even after comments", () => {
    expect(packageOf("# package fake\npackage real.one\n")).toBe("real.one");
  });
});

describe("exceptionName", () => {
  const cases: [string, "failure" | "warning", string | undefined][] = [
    ["deny", "failure", ""],
    ["violation", "failure", ""],
    ["deny_latest", "failure", "latest"],
    ["violation_run_as_root", "failure", "run_as_root"],
    ["warn_x", "warning", "x"],
    ["warn", "warning", ""],
  ];
  it.each(cases)("%s (%s) is exempted by %j", (name, kind, expected) => {
    expect(exceptionName({ namespace: "main", name, kind })).toBe(expected);
  });
});
