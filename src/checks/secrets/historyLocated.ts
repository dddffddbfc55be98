import type { CheckInput } from "../Check.js";
import { fingerprintSecret } from "../../secrets/fingerprint.js";
import type { AnalyzeContext } from "./analyzeFile.js";
import type { Located } from "./finalize.js";
import type { ScannedFile } from "./scanHead.js";
import { scanCommits, type HistoryCandidate } from "./scanHistory.js";
import type { ScanManyFn } from "./scanMany.js";

/**
 * Secrets that a commit of the change added and a later commit removed:
 * gone from the head files, still in the history. Each value is reported
 * once per file, at the first commit that added it.
 */
export async function historyLocated(
  input: CheckInput,
  head: readonly ScannedFile[],
  scan: ScanManyFn,
  key: string,
  analyze: AnalyzeContext,
): Promise<Located[]> {
  const { commits } = input.changes;
  // The gate also runs checks on the base tree (to tell new findings from
  // old ones); the history belongs to the change, never to the base.
  if (input.changes.all || commits.length === 0) return [];
  if (input.head.side === "base") return [];
  const inHead = new Set(
    head.flatMap((f) =>
      f.candidates.map((c) => fingerprintSecret(c.value, key)),
    ),
  );
  const files = new Set(await input.head.files());
  const headLines = await headLineSets(
    input,
    files,
    commits.flatMap((c) => c.added.map((a) => a.path)),
  );
  const seen = new Set<string>();
  const out: Located[] = [];
  const readAt = input.changes.readAt?.bind(input.changes);
  const context = readAt ? { readAt, analyze } : undefined;
  for (const c of await scanCommits(commits, scan, context)) {
    const fp = fingerprintSecret(c.value, key);
    const id = `${c.path}\0${fp}`;
    if (
      inHead.has(fp) ||
      headLines.get(c.path)?.has(c.lineText) ||
      seen.has(id)
    )
      continue;
    seen.add(id);
    out.push({
      candidate: withHistoryNote(c, files.has(c.path)),
      lines: [c.lineText],
      lineInLines: 1,
    });
  }
  return out;
}

/**
 * The commit's `path:line` goes in the message only: at head that line
 * holds something else, or the file is gone, so the finding names the file.
 */
function withHistoryNote(
  c: HistoryCandidate,
  inHead: boolean,
): HistoryCandidate {
  const gone = inHead ? "" : " (the file is deleted at head)";
  const note =
    `Added in commit ${c.sha.slice(0, 12)} at ${c.path}:${c.line}${gone} ` +
    "and removed by a later commit: " +
    "it is no longer in the files but stays in the branch history. A " +
    "squash merge keeps it out of the target branch, yet the PR's commits " +
    "stay readable: rotate it.";
  return { ...c, note, offHead: true };
}

/** Trimmed lines of each head file (an empty set for deleted files). */
async function headLineSets(
  input: CheckInput,
  files: ReadonlySet<string>,
  paths: readonly string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const path of new Set(paths)) {
    if (!files.has(path)) continue;
    // Unreadable files (a symlink out of the checkout) are reported by the
    // head scan as not scanned; here they count as having no lines.
    const bytes = await input.head.readFile(path).catch(() => Buffer.alloc(0));
    const text = bytes.toString("utf8");
    out.set(path, new Set(text.split(/\r?\n/).map((l) => l.trim())));
  }
  return out;
}
