import type { AddedLine } from "./ChangeSet.js";

/** Added lines and deleted files of one patch text. */
export interface ParsedPatch {
  added: AddedLine[];
  deleted: string[];
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/**
 * Reads the added lines (with their new line numbers) and the deleted files
 * out of `git diff`/`git log -p` output. Pure.
 */
export function parseUnifiedDiff(patch: string): ParsedPatch {
  const out: ParsedPatch = { added: [], deleted: [] };
  let path: string | undefined;
  let line = 0;
  let oldPath: string | undefined;
  for (const raw of patch.split("\n")) {
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (text.startsWith("--- ")) {
      oldPath = stripPrefix(text.slice(4));
    } else if (text.startsWith("+++ ")) {
      path = stripPrefix(text.slice(4));
      if (path === undefined && oldPath) out.deleted.push(oldPath);
    } else if (HUNK.test(text)) {
      line = Number(HUNK.exec(text)?.[1] ?? 0);
    } else if (path && text.startsWith("+")) {
      out.added.push({ path, line, text: text.slice(1) });
      line += 1;
    } else if (text.startsWith(" ")) {
      line += 1;
    }
  }
  return out;
}

function stripPrefix(p: string): string | undefined {
  const unquoted = p.startsWith('"') ? p.slice(1, -1) : p;
  if (unquoted === "/dev/null") return undefined;
  return unquoted.replace(/^[ab]\//, "").replace(/\t.*$/, "");
}
