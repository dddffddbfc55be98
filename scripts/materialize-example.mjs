// Builds a temporary git repository from an example repository and the
// commits of its pull request (examples/prs/<name>/NN-title/): the base
// commit first, then one commit per PR folder. Used by `npm run demo` and by
// the end-to-end tests. Returns { dir, base, head }.
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const examples = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "examples",
);

function git(dir, ...args) {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      GIT_AUTHOR_NAME: "Example Author",
      GIT_AUTHOR_EMAIL: "author@example.com",
      GIT_COMMITTER_NAME: "Example Author",
      GIT_COMMITTER_EMAIL: "author@example.com",
      GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z",
      GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z",
    },
  }).trim();
}

function applyCommit(dir, commitDir) {
  const deletions = join(commitDir, ".delete");
  if (existsSync(deletions)) {
    for (const line of readFileSync(deletions, "utf8").split("\n")) {
      if (line.trim())
        rmSync(join(dir, line.trim()), { recursive: true, force: true });
    }
  }
  cpSync(commitDir, dir, {
    recursive: true,
    filter: (src) => !src.endsWith("/.delete"),
  });
}

/**
 * @param {string} name example repository under examples/
 * @param {{ into?: string, commits?: number }} [opts] `commits` limits how
 *   many PR commits are applied (default: all)
 */
export function materializeExample(name, opts = {}) {
  const dir = opts.into ?? mkdtempSync(join(tmpdir(), `gitops-gate-${name}-`));
  cpSync(join(examples, name), dir, { recursive: true });
  git(dir, "init", "--quiet", "--initial-branch=main");
  git(dir, "add", "-A");
  git(dir, "commit", "--quiet", "-m", `${name}: base`);
  const base = git(dir, "rev-parse", "HEAD");
  const prDir = join(examples, "prs", name);
  const commits = existsSync(prDir) ? readdirSync(prDir).sort() : [];
  for (const c of commits.slice(0, opts.commits ?? commits.length)) {
    applyCommit(dir, join(prDir, c));
    git(dir, "add", "-A");
    git(
      dir,
      "commit",
      "--quiet",
      "--allow-empty",
      "-m",
      c.replace(/^\d+-/, "").replace(/-/g, " "),
    );
  }
  return { dir, base, head: git(dir, "rev-parse", "HEAD") };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const name = process.argv[2] ?? "acme";
  const result = materializeExample(name, { into: process.argv[3] });
  console.log(JSON.stringify(result));
}
