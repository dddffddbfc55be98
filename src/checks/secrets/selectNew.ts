import type { ChangeSet } from "../../workspace/ChangeSet.js";
import type { ScannedFile } from "./scanHead.js";
import type { Candidate } from "./types.js";

/**
 * Keeps the candidates the change adds: those on a line some commit of the
 * change added (matched by text, since later commits move lines). Without
 * commits, `isOld` (a fingerprint already in the base file) decides; with
 * `changes.all`, everything counts.
 */
export function selectNew(
  files: readonly ScannedFile[],
  changes: ChangeSet,
  isOld: (c: Candidate) => boolean,
): ScannedFile[] {
  if (changes.all) return [...files];
  const added = addedLineSet(changes);
  const keep = (f: ScannedFile, c: Candidate): boolean => {
    if (c.valueless) return true;
    if (changes.commits.length === 0) return !isOld(c);
    return linesOf(c).some((n) => {
      const text = f.lines[n - 1]?.trim();
      return text !== undefined && added.has(`${f.path}\0${text}`);
    });
  };
  return files.map((f) => ({
    ...f,
    candidates: f.candidates.filter((c) => keep(f, c)),
  }));
}

function addedLineSet(changes: ChangeSet): Set<string> {
  const set = new Set<string>();
  for (const commit of changes.commits) {
    for (const l of commit.added) set.add(`${l.path}\0${l.text.trim()}`);
  }
  return set;
}

function linesOf(c: Candidate): number[] {
  const end = c.endLine ?? c.line;
  const out: number[] = [];
  for (let n = c.line; n <= end && out.length < 200; n++) out.push(n);
  return out;
}
