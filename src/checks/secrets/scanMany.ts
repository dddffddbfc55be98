import { secretlintScan, type RuleHit } from "./secretlintEngine.js";

/** One text to scan and the file it belongs to. */
export interface ScanItem {
  path: string;
  text: string;
}

/** The rule engine over many texts at once: hits per item, in order. */
export type ScanManyFn = (items: readonly ScanItem[]) => Promise<RuleHit[][]>;

/** Texts are joined into batches of about this many characters. */
const BATCH_CHARS = 4 * 1024 * 1024;

/** File names whose rules depend on the name: scanned on their own. */
const NAMED = /(?:^|\/)(?:\.npmrc|[^/]*\.json)$/;

/**
 * Runs secretlint over many texts with few engine calls: texts are joined
 * (one per line range) into batches, and each hit is mapped back to its
 * text and line. Its per-call cost dominates on small files, so this is
 * what makes whole-repository scans fast.
 */
export async function scanMany(
  items: readonly ScanItem[],
): Promise<RuleHit[][]> {
  const out: RuleHit[][] = items.map(() => []);
  const batch: number[] = [];
  let size = 0;
  for (const [i, item] of items.entries()) {
    if (NAMED.test(item.path)) {
      out[i] = await secretlintScan(item.text, item.path);
      continue;
    }
    if (size + item.text.length > BATCH_CHARS && batch.length > 0) {
      await runBatch(items, batch.splice(0), out);
      size = 0;
    }
    batch.push(i);
    size += item.text.length + 1;
  }
  if (batch.length > 0) await runBatch(items, batch, out);
  return out;
}

async function runBatch(
  items: readonly ScanItem[],
  indexes: readonly number[],
  out: RuleHit[][],
): Promise<void> {
  const starts: number[] = [];
  const ends: number[] = [];
  let line = 1;
  for (const i of indexes) {
    starts.push(line);
    line += lineCount(items[i]?.text ?? "");
    ends.push(line - 1);
  }
  const joined = indexes.map((i) => items[i]?.text ?? "").join("\n");
  for (const hit of await secretlintScan(joined, "gitops-gate-batch.txt")) {
    const k = lastAtOrBefore(starts, hit.line);
    const start = starts[k] ?? 1;
    const end = Math.min(hit.endLine, ends[k] ?? hit.endLine);
    const local = {
      ...hit,
      line: hit.line - start + 1,
      endLine: end - start + 1,
    };
    out[indexes[k] ?? 0]?.push(local);
  }
}

/** Index of the last start at or before `line` (starts ascend). */
function lastAtOrBefore(starts: readonly number[], line: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Lines of a text (a text without newline is one line). */
export function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
