import { describe, expect, it } from "vitest";
import { ConfigError } from "./ConfigError.js";
import { parseConfig } from "./parseConfig.js";

function problemsOf(text: string) {
  try {
    parseConfig(".github/gitops-gate.yml", text);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("gives the defaults for an empty file", () => {
    const config = parseConfig("c.yml", "");
    expect(config.gate.failOn).toBe("error");
    expect(config.checks.schema.unknownKinds).toBe("notice");
    expect(config.checks.policy.paths).toEqual(["policy/"]);
    expect(config.render.remote.allow).toEqual([]);
  });

  it("keeps given values and fills the rest", () => {
    const config = parseConfig(
      "c.yml",
      "gate:\n  failOn: warning\nenvironments:\n  prod: {paths: [a/**]}\n",
    );
    expect(config.gate).toEqual({
      failOn: "warning",
      newFindingsOnly: false,
      drafts: "neutral",
    });
    expect(config.environments).toEqual({ prod: { paths: ["a/**"] } });
  });

  it.each([
    {
      name: "unknown key, with its line",
      text: "checks:\n  schema:\n    strictt: true\n",
      key: "checks.schema.strictt",
      line: 3,
      message: 'unknown key "strictt"',
    },
    {
      name: "bad enum value names the allowed values",
      text: "checks:\n  schema:\n    unknownKinds: fatal\n",
      key: "checks.schema.unknownKinds",
      line: 3,
      message: "invalid value; allowed: error, warning, notice",
    },
    {
      name: "wrong type",
      text: "gate:\n  newFindingsOnly: maybe\n",
      key: "gate.newFindingsOnly",
      line: 2,
      message: "expected boolean",
    },
  ])("reports $name", ({ text, key, line, message }) => {
    expect(problemsOf(text)).toEqual([{ key, line, message }]);
  });

  it("reports YAML syntax errors with their line", () => {
    const [problem] = problemsOf("gate:\n  failOn: [\n");
    expect(problem?.line).toBeGreaterThanOrEqual(2);
  });

  it("names the file in the error message", () => {
    expect(() => parseConfig(".gitops-gate.yml", "nope: 1\n")).toThrow(
      /invalid config \.gitops-gate\.yml:\n {2}\.gitops-gate\.yml:1: nope: unknown key "nope"/,
    );
  });
});

describe("parseConfig hints", () => {
  it.each([
    {
      text: "chekcs:\n  schema: {}\n",
      message: 'unknown key "chekcs" (did you mean "checks"?)',
    },
    {
      text: "checks:\n  secrets:\n    alow: []\n",
      message: 'unknown key "alow" (did you mean "allow"?)',
    },
    {
      text: "checks:\n  schema:\n    kubernetesVersion: 1.33\n",
      message: 'expected a string; quote the value ("1.33")',
    },
    {
      text: "checks:\n  schema:\n    kubernetesVersion: 1.30 # current\n",
      message: 'expected a string; quote the value ("1.30")',
    },
  ])("$message", ({ text, message }) => {
    expect(problemsOf(text).map((p) => p.message)).toEqual([message]);
  });

  it("lists problems in line order", () => {
    const lines = problemsOf("gate:\n  failOn: x\nzzz: 1\n").map((p) => p.line);
    expect(lines).toEqual([...lines].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(lines).toHaveLength(2);
  });
});
