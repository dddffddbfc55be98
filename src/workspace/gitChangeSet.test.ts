import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runGit } from "./git.js";
import { gitChangeSet } from "./gitChangeSet.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true })));

function repo() {
  const dir = mkdtempSync(join(tmpdir(), "gg-git-"));
  dirs.push(dir);
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: dir,
      encoding: "utf8",
      env: {
        PATH: process.env["PATH"],
        HOME: dir,
        GIT_AUTHOR_NAME: "t",
        GIT_AUTHOR_EMAIL: "t@example.com",
        GIT_COMMITTER_NAME: "t",
        GIT_COMMITTER_EMAIL: "t@example.com",
      },
    }).trim();
  git("init", "-q", "-b", "main");
  const commit = (file: string, text: string, msg: string) => {
    writeFileSync(join(dir, file), text);
    git("add", "-A");
    git("commit", "-qm", msg);
    return git("rev-parse", "HEAD");
  };
  return { dir, commit };
}

describe("gitChangeSet", () => {
  it("keeps what each commit added, even when a later commit removes it", async () => {
    const { dir, commit } = repo();
    const base = commit("a.yaml", "a: 1\n", "base");
    commit("a.yaml", "a: 1\nsecret: s3cr3t\n", "add");
    const head = commit("a.yaml", "a: 1\n", "remove");
    const changes = await gitChangeSet(runGit, dir, base, head);
    expect(changes.all).toBe(false);
    expect(changes.paths).toEqual([]);
    expect(changes.commits.map((c) => c.subject)).toEqual(["add", "remove"]);
    expect(changes.commits[0]?.added).toEqual([
      { path: "a.yaml", line: 2, text: "secret: s3cr3t" },
    ]);
  });

  it("includes uncommitted and untracked files when head is the work tree", async () => {
    const { dir, commit } = repo();
    const base = commit("a.yaml", "a: 1\n", "base");
    writeFileSync(join(dir, "a.yaml"), "a: 2\n");
    writeFileSync(join(dir, "new.yaml"), "b: 1\nc: 2\n");
    const changes = await gitChangeSet(runGit, dir, base);
    expect(changes.paths).toEqual(["a.yaml", "new.yaml"]);
    const wt = changes.commits.at(-1);
    expect(wt?.sha).toBe("WORKTREE");
    expect(wt?.added.map((a) => `${a.path}:${a.line}:${a.text}`)).toEqual([
      "a.yaml:1:a: 2",
      "new.yaml:1:b: 1",
      "new.yaml:2:c: 2",
    ]);
  });

  it("reads a file as of a commit, never the work tree or a bad sha", async () => {
    const { dir, commit } = repo();
    const base = commit("a.yaml", "a: 1\n", "base");
    const added = commit("a.yaml", "a: 1\nb: 2\n", "add");
    const head = commit("a.yaml", "a: 1\n", "remove");
    const changes = await gitChangeSet(runGit, dir, base, head);
    expect(await changes.readAt?.(added, "a.yaml")).toBe("a: 1\nb: 2\n");
    expect(await changes.readAt?.(added, "none.yaml")).toBeUndefined();
    expect(await changes.readAt?.("WORKTREE", "a.yaml")).toBeUndefined();
    expect(await changes.readAt?.("--output=x", "a.yaml")).toBeUndefined();
  });

  it("reads files as of a commit relative to a checked subdirectory", async () => {
    const { dir, commit } = repo();
    mkdirSync(join(dir, "sub"));
    const base = commit("sub/a.yaml", "a: 1\n", "base");
    const added = commit("sub/a.yaml", "a: 2\n", "edit");
    const changes = await gitChangeSet(runGit, join(dir, "sub"), base, added);
    expect(changes.commits[0]?.added.map((a) => a.path)).toEqual(["a.yaml"]);
    expect(await changes.readAt?.(added, "a.yaml")).toBe("a: 2\n");
  });
});
