import { describe, expect, it } from "vitest";
import type { ChangeSet, CommitPatch } from "../../workspace/ChangeSet.js";
import { configSchema } from "../../config/schema.js";
import { createSecretsCheck } from "./secretsCheck.js";
import { b64, fakeSecrets } from "./testing/fakeSecrets.js";
import { memoryTree } from "./testing/memoryTree.js";
import { runSecrets, summary } from "./testing/runSecrets.js";

const s = fakeSecrets("changes");

function commit(
  sha: string,
  path: string,
  lines: [number, string][],
): CommitPatch {
  const added = lines.map(([line, text]) => ({ path, line, text }));
  return { sha, subject: "change", added, deleted: [] };
}

function changeSet(paths: string[], commits: CommitPatch[]): ChangeSet {
  return { all: false, paths, commits };
}

const valuesV1 = `replicas: 1\n`;
const withToken = `replicas: 1\ntoken: ${s.githubToken}\n`;

describe("secretsCheck on a change", () => {
  it("reports a key added in one commit and removed in a later one, once", async () => {
    const findings = await runSecrets({
      base: { "values.yaml": valuesV1 },
      head: { "values.yaml": `replicas: 2\n` },
      changes: changeSet(
        ["values.yaml"],
        [
          commit("a".repeat(40), "values.yaml", [
            [2, `token: ${s.githubToken}`],
          ]),
          commit("b".repeat(40), "values.yaml", [[1, "replicas: 2"]]),
        ],
      ),
    });
    // Line 2 of commit a is not line 2 at head: the file, no line.
    expect(summary(findings)).toEqual(["github:GITHUB_TOKEN values.yaml:0"]);
    expect(findings[0]?.location).toEqual({ path: "values.yaml" });
    expect(findings[0]?.message).toContain("aaaaaaaaaaaa at values.yaml:2 ");
    expect(findings[0]?.message).not.toContain("deleted at head");
    expect(findings[0]?.message).toMatch(/squash/);
  });

  it("reports no history when the gate checks the base tree itself", async () => {
    const findings = await createSecretsCheck({ fingerprintKey: "k" }).run({
      config: configSchema.parse({}),
      head: memoryTree({ "values.yaml": valuesV1 }, "base"),
      targets: [],
      changes: changeSet(
        ["values.yaml"],
        [
          commit("a".repeat(40), "values.yaml", [
            [2, `token: ${s.githubToken}`],
          ]),
        ],
      ),
      environmentOf: () => undefined,
    });
    expect(findings).toEqual([]);
  });

  it("reports a removed base64 Secret value from history", async () => {
    const line = `  aws_secret_access_key: ${b64(s.awsSecret)}`;
    const findings = await runSecrets({
      head: { "s.yaml": "kind: Secret\n" },
      changes: changeSet(
        ["s.yaml"],
        [
          commit("c".repeat(40), "s.yaml", [
            [6, "data:"],
            [7, line],
          ]),
          commit("d".repeat(40), "s.yaml", []),
        ],
      ),
    });
    expect(summary(findings)).toEqual(["aws:AWSSecretAccessKey s.yaml:0"]);
  });

  it("names a file deleted at head without a line, and says it is gone", async () => {
    const findings = await runSecrets({
      head: {},
      changes: changeSet(
        ["gone.yaml"],
        [
          commit("5".repeat(40), "gone.yaml", [
            [12, `token: ${s.githubToken}`],
          ]),
          {
            ...commit("6".repeat(40), "gone.yaml", []),
            deleted: ["gone.yaml"],
          },
        ],
      ),
    });
    expect(findings.map((f) => f.location)).toEqual([{ path: "gone.yaml" }]);
    expect(findings[0]?.message).toContain(
      "at gone.yaml:12 (the file is deleted at head)",
    );
  });

  it.each([
    [
      "a plain stringData password",
      "s.yaml",
      [
        [2, "kind: Secret"],
        [5, "stringData:"],
        [6, `  DB_PASSWORD: ${s.password}`],
      ],
      ["gg:credential-value s.yaml:0"],
    ],
    [
      "a password in a values file of any name",
      "apps/web/env/prod.yaml",
      [[4, `    password: ${s.password}`]],
      ["gg:credential-value apps/web/env/prod.yaml:0"],
    ],
    [
      "a password-named field of a Deployment (no key heuristic there)",
      "d.yaml",
      [
        [2, "kind: Deployment"],
        [9, `  secretKey: ${s.password}`],
      ],
      [],
    ],
  ] as [string, string, [number, string][], string[]][])(
    "history: %s added, then removed",
    async (_name, path, lines, want) => {
      const findings = await runSecrets({
        head: { [path]: "kind: Secret\n" },
        changes: changeSet(
          [path],
          [
            commit("9".repeat(40), path, lines),
            commit("8".repeat(40), path, []),
          ],
        ),
      });
      expect(summary(findings)).toEqual(want);
    },
  );

  it("reports a key still in the head once, at its head line", async () => {
    const findings = await runSecrets({
      head: { "values.yaml": `# moved\n${withToken}` },
      changes: changeSet(
        ["values.yaml"],
        [
          commit("e".repeat(40), "values.yaml", [
            [2, `token: ${s.githubToken}`],
          ]),
          commit("f".repeat(40), "values.yaml", [[1, "# moved"]]),
        ],
      ),
    });
    expect(summary(findings)).toEqual(["github:GITHUB_TOKEN values.yaml:3"]);
    expect(findings[0]?.message).not.toMatch(/squash/);
  });

  it("ignores secrets the change did not add", async () => {
    const head = { "values.yaml": `${withToken}image: v2\n` };
    const findings = await runSecrets({
      base: { "values.yaml": withToken },
      head,
      changes: changeSet(
        ["values.yaml"],
        [commit("1".repeat(40), "values.yaml", [[3, "image: v2"]])],
      ),
    });
    expect(findings).toEqual([]);
  });

  it("compares with the base when there are no commits", async () => {
    const other = `other: ${s.slackToken}\n`;
    const findings = await runSecrets({
      base: { "values.yaml": withToken },
      head: { "values.yaml": withToken + other },
      changes: changeSet(["values.yaml"], []),
    });
    expect(summary(findings)).toEqual(["slack:SLACK_TOKEN values.yaml:3"]);
  });
});

describe("allowlists", () => {
  const head = {
    "docs/example.yaml": withToken,
    "apps/values.yaml": withToken,
  };

  it.each([
    [
      { path: "docs/**", reason: "examples" },
      ["github:GITHUB_TOKEN apps/values.yaml:2"],
    ],
    [{ rule: "github", reason: "not ours" }, []],
    [{ rule: "github:GITHUB_TOKEN", reason: "not ours" }, []],
    [
      { rule: "aws", reason: "other rule" },
      [
        "github:GITHUB_TOKEN apps/values.yaml:2",
        "github:GITHUB_TOKEN docs/example.yaml:2",
      ],
    ],
  ])("config allow %j", async (entry, want) => {
    const findings = await runSecrets({
      head,
      config: { checks: { secrets: { allow: [entry] } } },
    });
    expect(summary(findings)).toEqual(want);
  });

  it("allows by fingerprint", async () => {
    const [first] = await runSecrets({ head: { "a.yaml": withToken } });
    const fingerprint = first?.fingerprint ?? "missing";
    expect(fingerprint).toMatch(/^[0-9a-f]{24}$/);
    const allow = [
      { fingerprint: fingerprint.toUpperCase(), reason: "revoked" },
    ];
    const findings = await runSecrets({
      head,
      config: { checks: { secrets: { allow } } },
    });
    expect(findings).toEqual([]);
  });

  it.each([
    [
      `token: ${s.githubToken} # gitops-gate:allow-secret revoked in INC-42`,
      "notice",
    ],
    [
      `# gitops-gate:allow-secret revoked in INC-42\ntoken: ${s.githubToken}`,
      "notice",
    ],
    [`token: ${s.githubToken} # gitops-gate:allow-secret`, "error"],
  ])("inline allow %#", async (text, severity) => {
    const findings = await runSecrets({ head: { "a.yaml": `${text}\n` } });
    expect(findings.map((f) => f.severity)).toEqual([severity]);
  });

  it("never echoes a secret written in the inline reason", async () => {
    const text = `token: ${s.githubToken} # gitops-gate:allow-secret ${s.githubToken} ${s.slackToken}`;
    const findings = await runSecrets({ head: { "a.yaml": text } });
    const out = JSON.stringify(findings);
    expect(out).not.toContain(s.githubToken);
    expect(out).not.toContain(s.slackToken);
  });
});

describe(".sops.yaml rules", () => {
  const sopsYaml = `creation_rules:\n- path_regex: secrets/.*\\.yaml$\n  encrypted_regex: ^(data|stringData)$\n  age: age1xyz\n`;
  const meta = `sops:\n  mac: ENC[AES256_GCM,data:m=,iv:i=,tag:t=,type:str]\n  version: 3.9.0\n`;

  it.each([
    [
      "encrypted value passes",
      `kind: Secret\ndata:\n  a: ENC[AES256_GCM,data:x=,iv:y=,tag:z=,type:str]\n${meta}`,
      [],
    ],
    [
      "plaintext value in an encrypted file",
      `kind: Secret\ndata:\n  a: ENC[AES256_GCM,data:x=,iv:y=,tag:z=,type:str]\n  b: cGxhaW50ZXh0\n${meta}`,
      ["gg:sops-unencrypted secrets/db.yaml:4"],
    ],
    [
      "Secret that was never encrypted",
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  user: app\n`,
      ["gg:sops-not-encrypted secrets/db.yaml:6"],
    ],
    [
      "ConfigMap under the rule is fine",
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db\ndata:\n  user: app\n`,
      [],
    ],
  ])("%s", async (_name, file, want) => {
    const findings = await runSecrets({
      head: { ".sops.yaml": sopsYaml, "secrets/db.yaml": file },
    });
    expect(summary(findings)).toEqual(want);
  });

  it("takes .sops.yaml from the base, not from the PR", async () => {
    const loose = `creation_rules:\n- path_regex: nothing-matches$\n`;
    const file = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  user: app\n`;
    const findings = await runSecrets({
      base: { ".sops.yaml": sopsYaml },
      head: { ".sops.yaml": loose, "secrets/db.yaml": file },
      changes: {
        all: false,
        paths: ["secrets/db.yaml", ".sops.yaml"],
        commits: [],
      },
    });
    expect(summary(findings)).toEqual([
      "gg:sops-not-encrypted secrets/db.yaml:6",
    ]);
  });

  it("matches path_regex relative to a nested .sops.yaml, rules in order", async () => {
    const nested = `creation_rules:\n- path_regex: ^prod/.*\\.yaml$\n  encrypted_regex: ^(data|stringData)$\n- age: age1catchall\n`;
    const file = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  a: ENC[AES256_GCM,data:x=,iv:y=,tag:z=,type:str]\n${meta}`;
    const findings = await runSecrets({
      head: { "clusters/.sops.yaml": nested, "clusters/prod/db.yaml": file },
    });
    expect(summary(findings)).toEqual([]);
  });

  it("unencrypted_regex: every other key must be encrypted", async () => {
    const config = `creation_rules:\n- unencrypted_regex: ^(apiVersion|kind|metadata)$\n`;
    const file = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  a: ENC[AES256_GCM,data:x=,iv:y=,tag:z=,type:str]\n  b: cGxhaW50ZXh0\n${meta}`;
    const findings = await runSecrets({
      head: { ".sops.yaml": config, "db.yaml": file },
    });
    expect(summary(findings)).toEqual(["gg:sops-unencrypted db.yaml:7"]);
  });

  it("reports a .sops.yaml whose regex does not compile", async () => {
    const bad = `creation_rules:\n- path_regex: "(unclosed"\n`;
    const findings = await runSecrets({ head: { ".sops.yaml": bad } });
    expect(summary(findings)).toEqual(["gg:sops-config .sops.yaml:1"]);
  });
});
