import { describe, expect, it } from "vitest";
import type { ChangeSet, CommitPatch } from "../../workspace/ChangeSet.js";
import { b64, fakeChars } from "./testing/fakeSecrets.js";
import { runSecrets } from "./testing/runSecrets.js";

const password = `Pw-${fakeChars("ctx", 14)}`;
const short = `p${fakeChars("short", 8)}`;

/** Commit 1 adds `file` (all lines), commit 2 removes it again. */
function addedThenRemoved(path: string, file: string): ChangeSet {
  const lines = file.split("\n");
  const sha1 = "1".repeat(40);
  const add: CommitPatch = {
    sha: sha1,
    subject: "add",
    added: lines.map((text, i) => ({ path, line: i + 1, text })),
    deleted: [],
  };
  const remove = {
    sha: "2".repeat(40),
    subject: "rm",
    added: [],
    deleted: [path],
  };
  return {
    all: false,
    paths: [path],
    commits: [add, remove],
    readAt: async (sha, p) => (sha === sha1 && p === path ? file : undefined),
  };
}

const envPair = [
  "apiVersion: apps/v1",
  "kind: Deployment",
  "metadata: { name: web }",
  "spec:",
  "  template:",
  "    spec:",
  "      containers:",
  "        - name: web",
  "          env:",
  "            - name: DB_PASSWORD",
  `              value: ${password}`,
].join("\n");

const shortData = [
  "apiVersion: v1",
  "kind: Secret",
  "metadata: { name: db }",
  "data:",
  `  password: ${b64(short)}`,
].join("\n");

const helmRelease = [
  "apiVersion: helm.toolkit.fluxcd.io/v2",
  "kind: HelmRelease",
  "metadata: { name: web }",
  "spec:",
  "  values:",
  "    auth:",
  `      password: ${password}`,
].join("\n");

describe("history: added lines read in their file as of the commit", () => {
  it.each([
    ["an env name/value pair", "web.yaml", envPair, 11],
    ["inline HelmRelease values", "hr.yaml", helmRelease, 7],
  ])("finds %s, removed later", async (_name, path, file, line) => {
    const changes = addedThenRemoved(path, file);
    const found = await runSecrets({ head: {}, changes });
    expect(found.map((f) => f.location)).toEqual([{ path }]);
    expect(found[0]?.message).toContain(`at ${path}:${line} (the file`);
    for (const f of found) {
      expect(JSON.stringify(f)).not.toContain(password);
      expect(JSON.stringify(f)).not.toContain(short);
    }
    // The added lines alone do not show it: the file's context does.
    const { readAt: _r, ...alone } = changes;
    expect(await runSecrets({ head: {}, changes: alone })).toEqual([]);
  });

  it("decodes Secret data as the head scan does: same value, same fingerprint", async () => {
    const atHead = await runSecrets({ head: { "s.yaml": shortData } });
    const changes = addedThenRemoved("s.yaml", shortData);
    const [found] = await runSecrets({ head: {}, changes });
    expect(atHead.map((f) => f.ruleId)).toEqual([found?.ruleId]);
    expect(found?.fingerprint).toBe(atHead[0]?.fingerprint);
    expect(found?.message).toContain("at s.yaml:5 (the file");
    // Alone, the added line's heuristic takes the base64 text as the value.
    const { readAt: _r, ...alone } = changes;
    const [lineOnly] = await runSecrets({ head: {}, changes: alone });
    expect(lineOnly?.fingerprint).not.toBe(atHead[0]?.fingerprint);
  });

  it("keeps only what lands on a line the commit adds", async () => {
    const changes = addedThenRemoved("web.yaml", envPair);
    const first = changes.commits[0] as CommitPatch;
    first.added = first.added.filter((l) => l.line !== 11);
    expect(await runSecrets({ head: {}, changes })).toEqual([]);
  });

  it("still scans the added lines when the file cannot be read", async () => {
    const token = `ghp_${fakeChars("ctx-gh", 36)}`;
    const changes = addedThenRemoved("v.yaml", `token: ${token}`);
    changes.readAt = async () => {
      throw new Error("git show: boom");
    };
    const found = await runSecrets({ head: {}, changes });
    expect(found.map((f) => f.ruleId)).toEqual(["github:GITHUB_TOKEN"]);
  });
});
