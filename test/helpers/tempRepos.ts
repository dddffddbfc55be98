import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/**
 * Writes small repositories into temp folders for one test file; call
 * `cleanup` after each test.
 *
 * @example const { repo, cleanup } = tempRepos("gg-envs-");
 */
export function tempRepos(prefix: string): {
  repo: (files: Record<string, string>) => string;
  cleanup: () => void;
} {
  const dirs: string[] = [];
  return {
    repo(files) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      return dir;
    },
    cleanup: () =>
      dirs.splice(0).forEach((d) => rmSync(d, { recursive: true })),
  };
}
