import { describe, expect, it } from "vitest";
import type { Tree } from "../../workspace/Tree.js";
import { createSecretsCheck } from "./secretsCheck.js";
import { configSchema } from "../../config/schema.js";
import { fakeSecrets } from "./testing/fakeSecrets.js";
import { memoryTree } from "./testing/memoryTree.js";
import { runSecrets, summary } from "./testing/runSecrets.js";

const s = fakeSecrets("hostile");

const bomb = [
  "kind: Secret",
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...Array.from({ length: 9 }, (_, i) => {
    const prev = i === 0 ? "a" : `l${i - 1}`;
    return `l${i}: &l${i} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
  }),
  `data:\n  token: ${Buffer.from(s.githubToken).toString("base64")}`,
].join("\n");

describe("hostile inputs", () => {
  it.each([
    [
      "alias bomb: not expanded, the Secret still decoded",
      { "s.yaml": bomb },
      ["github:GITHUB_TOKEN s.yaml:13"],
    ],
    [
      "deep nesting",
      { "d.yaml": `kind: Secret\nx: ${"[".repeat(5000)}${"]".repeat(5000)}\n` },
      [],
    ],
    [
      "broken YAML: raw text still scanned",
      { "b.yaml": `kind: Secret\ndata: {\n  t: ${s.slackToken}\n` },
      ["slack:SLACK_TOKEN b.yaml:3"],
    ],
    ["binary file skipped", { "b.bin": `\u0000\u0001${s.githubToken}` }, []],
    [
      "file over the size limit reported",
      { "big.yaml": "a".repeat(10 * 1024 * 1024 + 1) },
      ["gg:not-scanned big.yaml:1"],
    ],
    [
      "a token as a file name",
      { [`keys/${s.githubToken}.txt`]: "hello\n" },
      ["github:GITHUB_TOKEN keys/[secret ghp_… (40 chars)].txt:1"],
    ],
    [
      "CRLF and BOM",
      { "w.env": `\uFEFFA=1\r\nTOKEN=${s.githubToken}\r\n` },
      ["github:GITHUB_TOKEN w.env:2"],
    ],
  ])("%s", async (_name, head, want) => {
    const findings = await runSecrets({ head });
    expect(summary(findings)).toEqual(want);
  });

  it("reports a file the tree refuses to read (symlink out of the checkout)", async () => {
    const inner = memoryTree({ "ok.yaml": "a: 1\n" });
    const head: Tree = {
      ...inner,
      files: async () => ["link.yaml", "ok.yaml"],
      readFile: async (p) => {
        if (p === "link.yaml")
          throw new Error("read link.yaml: resolves outside the checkout");
        return inner.readFile(p);
      },
    };
    const findings = await createSecretsCheck({ fingerprintKey: "k" }).run({
      config: configSchema.parse({}),
      head,
      targets: [],
      changes: { all: true, paths: [], commits: [] },
      environmentOf: () => undefined,
    });
    expect(summary(findings)).toEqual(["gg:not-scanned link.yaml:1"]);
    expect(findings[0]?.severity).toBe("warning");
  });

  it("never reads a .p12 path from disk on the rules' behalf", async () => {
    const findings = await runSecrets({ head: { "etc/passwd.p12": "text\n" } });
    expect(findings).toEqual([]);
  });
});
