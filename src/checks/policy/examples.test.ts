import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compile } from "../../rego/index.js";
import { readBuiltinPackFiles } from "./builtinPackFiles.js";
import { createPolicyCheck } from "./createPolicyCheck.js";
import { checkInput, target } from "./test/scenario.js";

// End to end with the real engine on the example repositories: findings of
// the org's conftest policies, Gatekeeper constraints and the built-in pack,
// on the lines a human edits.
const EXAMPLES = fileURLToPath(new URL("../../../examples/", import.meta.url));

function repo(name: string): Record<string, string> {
  const dir = join(EXAMPLES, name);
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
  return Object.fromEntries(
    files.map((f) => [f, readFileSync(join(dir, f), "utf8")]),
  );
}

function apps(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).filter(([p]) => p.startsWith("apps/")),
  );
}

const policyCheck = createPolicyCheck({
  compile,
  builtinPack: () => readBuiltinPackFiles(),
});

const summary = (f: {
  ruleId: string;
  severity: string;
  location: { path: string; line?: number };
}) => `${f.ruleId} ${f.severity} ${f.location.path}:${f.location.line ?? "-"}`;

describe("examples/policy-conftest", () => {
  const files = repo("policy-conftest");

  it("reports the org's conftest rules and the pack on the right lines", async () => {
    const findings = await policyCheck.run(
      checkInput({
        base: files,
        head: files,
        targets: [target("apps/api", apps(files))],
      }),
    );
    const got = findings.map(summary);
    expect(got).toEqual(
      expect.arrayContaining([
        "main.deny error apps/api/deployment.yaml:1",
        "main.deny_replicas error apps/api/deployment.yaml:9",
        "main.warn_team warning apps/api/deployment.yaml:1",
        "GG-IMG-001 error apps/api/deployment.yaml:22",
        "GG-POD-001 error apps/api/deployment.yaml:45",
      ]),
    );
    expect(got.filter((g) => g.startsWith("policy/"))).toEqual([]);
  });

  it("keeps the verdict when the PR weakens a policy, and reports the edit", async () => {
    const head = { ...files, "policy/deployment.rego": "package main\n" };
    const input = checkInput({
      base: files,
      head,
      targets: [target("apps/api", apps(files))],
      changed: ["policy/deployment.rego"],
    });
    const got = (await policyCheck.run(input)).map(summary);
    expect(got).toContain(
      "main.deny_replicas error apps/api/deployment.yaml:9",
    );
    expect(got).toContain(
      "policy/policy-changed warning policy/deployment.rego:-",
    );
  });
});

describe("examples/policy-gatekeeper", () => {
  const files = repo("policy-gatekeeper");

  it("evaluates templates and constraints like gator", async () => {
    const findings = await policyCheck.run(
      checkInput({ base: files, targets: [target("apps/web", apps(files))] }),
    );
    const got = findings.map(summary);
    expect(got).toEqual(
      expect.arrayContaining([
        "RequiredLabels/must-have-owner error apps/web/deployment.yaml:1",
        "AllowedRepos/company-registry warning apps/web/deployment.yaml:1",
        "GG-IMG-002 warning apps/web/deployment.yaml:22",
      ]),
    );
    expect(got.filter((g) => g.startsWith("policy/"))).toEqual([]);
  });
});
