import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.js";
import { cli } from "../helpers/cliHarness.js";
import {
  materializeExample,
  type MaterializedExample,
} from "../helpers/materializeExample.js";

let pr: MaterializedExample;

beforeAll(() => {
  pr = materializeExample("secrets-leak");
});
afterAll(() => rmSync(pr.dir, { recursive: true, force: true }));

async function secretsFindings(args: string[]): Promise<Finding[]> {
  const run = await cli(["check", ".", ...args, "--format", "json"], pr.dir);
  const out = JSON.parse(run.stdout) as { findings: Finding[] };
  return out.findings.filter((f) => f.check === "secrets");
}

describe("secrets check on the secrets-leak example", () => {
  it("finds each leak of the PR once, on the line a human edits", async () => {
    const findings = await secretsFindings(["--base", pr.base]);
    const got = findings
      .map((f) => `${f.ruleId} ${f.location.path}:${f.location.line}`)
      .sort();
    expect(got).toEqual([
      "aws:AWSSecretAccessKey apps/web/db-credentials.yaml:8",
      "github:GITHUB_TOKEN charts/web/values-prod.yaml:5",
      // Deleted at head: the file is named, its line is in the message.
      "privatekey:PrivateKey apps/web/debug-key.yaml:undefined",
    ]);
    expect(findings.every((f) => f.severity === "error")).toBe(true);
    expect(
      findings.every((f) => /^[0-9a-f]{24}$/.test(f.fingerprint ?? "")),
    ).toBe(true);
  });

  it("says the removed key is still in the history", async () => {
    const findings = await secretsFindings(["--base", pr.base]);
    const key = findings.find((f) =>
      f.location.path.endsWith("debug-key.yaml"),
    );
    expect(key?.message).toMatch(/removed by a later commit.*squash/s);
    expect(key?.message).toContain(
      "at apps/web/debug-key.yaml:8 (the file is deleted at head)",
    );
    expect(key?.location).toEqual({ path: "apps/web/debug-key.yaml" });
  });

  it("masks every value: at most 4 characters shown", async () => {
    const findings = await secretsFindings(["--base", pr.base]);
    const previews = findings.map(
      (f) => /: (\S*)… \(\d+ chars\)/.exec(f.message)?.[1],
    );
    expect(previews).toHaveLength(3);
    for (const p of previews) expect(p?.length ?? 99).toBeLessThanOrEqual(4);
  });

  it("passes the base: ExternalSecret, SealedSecret, sops and placeholders", async () => {
    const clean = materializeExample("secrets-leak", { commits: 0 });
    try {
      const run = await cli(["check", clean.dir, "--format", "json"], "/");
      const out = JSON.parse(run.stdout) as { findings: Finding[] };
      expect(out.findings.filter((f) => f.check === "secrets")).toEqual([]);
    } finally {
      rmSync(clean.dir, { recursive: true, force: true });
    }
  });

  it("passes the sops-encrypted Secret the PR adds", async () => {
    const findings = await secretsFindings(["--base", pr.base]);
    expect(
      findings.filter((f) => f.location.path.includes("secrets/")),
    ).toEqual([]);
  });
});
