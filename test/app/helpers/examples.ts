import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { GitHubDouble } from "./gitHubDouble.js";

const ROOT = join(import.meta.dirname, "../../../examples");

function readDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    out[relative(dir, full).split(sep).join("/")] = readFileSync(full, "utf8");
  }
  return out;
}

/** SHAs of an example repository and its PR commits in the double. */
export interface ExamplePr {
  base: string;
  commits: string[];
  head: string;
}

/**
 * Loads `examples/<name>` as the base commit and each
 * `examples/prs/<name>/NN-title/` as one commit on top (files replace,
 * `.delete` lists removed paths), then opens PR `number` on them.
 */
export function loadExamplePr(
  gh: GitHubDouble,
  name: string,
  number: number,
): ExamplePr {
  const base = sha(name, 0);
  let files = readDir(join(ROOT, name));
  gh.commit(base, files);
  const prDir = join(ROOT, "prs", name);
  const steps = readdirSync(prDir).sort();
  const commits = steps.map((step, i) => {
    const overlay = readDir(join(prDir, step));
    const removed = (overlay[".delete"] ?? "").split("\n").filter(Boolean);
    delete overlay[".delete"];
    files = { ...files, ...overlay };
    for (const path of removed) delete files[path];
    const s = sha(name, i + 1);
    gh.commit(
      s,
      files,
      i === 0 ? base : sha(name, i),
      step.replace(/^\d+-/, ""),
    );
    return s;
  });
  const head = commits.at(-1) ?? base;
  gh.pulls.set(number, { number, draft: false, base, head, commits });
  return { base, commits, head };
}

/** A stable fake SHA (40 hex) per example and step. */
export function sha(name: string, step: number): string {
  const hex = Buffer.from(`${name}:${step}`).toString("hex");
  return hex.padEnd(40, "0").slice(0, 40);
}
