import { describe, expect, it } from "vitest";
import { loadRepoConfig } from "../../../src/app/config/loadRepoConfig.js";
import { mergeConfig } from "../../../src/app/config/mergeConfig.js";
import { parseExtends } from "../../../src/app/config/parseExtends.js";
import { ConfigError } from "../../../src/config/ConfigError.js";
import type { Tree } from "../../../src/workspace/Tree.js";

function memoryTree(files: Record<string, string>): Tree {
  return {
    dir: "/nowhere",
    side: "base",
    files: async () => Object.keys(files).sort(),
    readFile: async (p) => {
      const text = files[p];
      if (text === undefined) throw new Error(`no ${p}`);
      return Buffer.from(text);
    },
  };
}

const repo = { owner: "acme", repo: "gitops" };

describe("parseExtends", () => {
  it.each([
    [
      "other",
      { owner: "acme", repo: "other", path: ".github/gitops-gate.yml" },
    ],
    [
      "org/.github",
      { owner: "org", repo: ".github", path: ".github/gitops-gate.yml" },
    ],
    [
      "org/.github:gate/base.yml",
      { owner: "org", repo: ".github", path: "gate/base.yml" },
    ],
    ["org/x:../../etc/passwd", undefined],
    ["org/x:/abs", undefined],
    ["https://evil.example/x", undefined],
    ["a/b/c", undefined],
  ])("%s", (value, expected) => {
    expect(parseExtends(value, "acme", ".github/gitops-gate.yml")).toEqual(
      expected,
    );
  });
});

describe("mergeConfig", () => {
  it("merges objects, lets the repository win lists and scalars", () => {
    expect(
      mergeConfig(
        {
          gate: { failOn: "warning", drafts: "check" },
          commands: { teams: ["a", "b"] },
        },
        { gate: { failOn: "error" }, commands: { teams: ["c"] } },
      ),
    ).toEqual({
      gate: { failOn: "error", drafts: "check" },
      commands: { teams: ["c"] },
    });
  });
});

describe("loadRepoConfig", () => {
  it("falls back to the org's .github repository", async () => {
    const fetched: string[] = [];
    const { config, path } = await loadRepoConfig(
      memoryTree({}),
      repo,
      async (f) => {
        fetched.push(`${f.owner}/${f.repo}:${f.path}`);
        return "gate:\n  failOn: warning\n";
      },
    );
    expect(fetched).toEqual(["acme/.github:.github/gitops-gate.yml"]);
    expect(path).toBe("acme/.github:.github/gitops-gate.yml");
    expect(config.gate.failOn).toBe("warning");
  });

  it("uses defaults when there is no config anywhere", async () => {
    const { config, path } = await loadRepoConfig(
      memoryTree({}),
      repo,
      async () => undefined,
    );
    expect(path).toBeUndefined();
    expect(config.gate.failOn).toBe("error");
  });

  it("layers the repository's file over _extends", async () => {
    const tree = memoryTree({
      ".github/gitops-gate.yml":
        "_extends: org/.github:gate.yml\ngate:\n  drafts: check\n",
    });
    const { config } = await loadRepoConfig(tree, repo, async (f) =>
      f.path === "gate.yml"
        ? "gate:\n  failOn: warning\ncommands:\n  teams: [platform]\n"
        : undefined,
    );
    expect(config.gate).toMatchObject({ failOn: "warning", drafts: "check" });
    expect(config.commands.teams).toEqual(["platform"]);
  });

  it("names the extended file when it holds the bad key", async () => {
    const tree = memoryTree({
      ".github/gitops-gate.yml": "_extends: org/.github:gate.yml\n",
    });
    const load = loadRepoConfig(
      tree,
      repo,
      async () => "gate:\n  failOn: sometimes\n",
    );
    await expect(load).rejects.toThrow(ConfigError);
    await expect(load).rejects.toMatchObject({
      file: "org/.github:gate.yml",
      problems: [expect.objectContaining({ key: "gate.failOn", line: 2 })],
    });
  });

  it.each([
    [
      "a missing extended file",
      async () => undefined,
      /org\/\.github:gate\.yml not found/,
    ],
  ])("fails on %s", async (_name, fetch, message) => {
    const tree = memoryTree({
      ".github/gitops-gate.yml": "_extends: org/.github:gate.yml\n",
    });
    await expect(loadRepoConfig(tree, repo, fetch)).rejects.toThrow(message);
  });

  it("refuses an _extends it cannot read", async () => {
    const tree = memoryTree({
      ".gitops-gate.yml": "_extends: 'https://x/y'\n",
    });
    await expect(
      loadRepoConfig(tree, repo, async () => ""),
    ).rejects.toMatchObject({
      file: ".gitops-gate.yml",
      problems: [expect.objectContaining({ key: "_extends" })],
    });
  });
});
