import type { Tree } from "../../workspace/Tree.js";
import { analyzeFile, type AnalyzeContext } from "./analyzeFile.js";
import { NOT_SCANNED } from "./sameCause.js";
import type { ScanManyFn } from "./scanMany.js";
import { collectHits, prepareText, type PreparedText } from "./scanText.js";
import type { Candidate, FileAnalysis } from "./types.js";

/** Files larger than this are reported, not scanned. */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

/** A scanned file: its lines (for inline allows) and its candidates. */
export interface ScannedFile {
  path: string;
  lines: string[];
  candidates: Candidate[];
}

/**
 * Scans files of a tree: decoders first, then one rule-engine pass per
 * file. Binary files are skipped (no text rule can read them); files over
 * {@link MAX_SCAN_BYTES} become a warning candidate instead.
 */
export async function scanFiles(
  tree: Tree,
  paths: readonly string[],
  ctx: AnalyzeContext,
  scan: ScanManyFn,
): Promise<ScannedFile[]> {
  const out: ScannedFile[] = [];
  const pending: Pending[] = [];
  for (const path of paths) {
    const bytes = await readOrNull(tree, path);
    const problem = refuse(path, bytes);
    if (problem) out.push({ path, lines: [], candidates: [problem] });
    if (problem || bytes === null || isBinary(bytes)) continue;
    const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
    const analysis = analyzeFile(path, text, ctx);
    pending.push({
      path,
      text,
      analysis,
      prepared: prepareText(text, analysis),
    });
  }
  const hits = await scan(
    pending.map((p) => ({ path: p.path, text: p.prepared.merged })),
  );
  pending.forEach((p, i) => {
    const candidates = collectHits(
      p.path,
      hits[i] ?? [],
      p.prepared,
      p.analysis,
    );
    // Lines serve inline allows and the added-line test: only if needed.
    const lines = candidates.length > 0 ? p.text.split(/\r?\n/) : [];
    out.push({ path: p.path, lines, candidates });
  });
  return out;
}

interface Pending {
  path: string;
  text: string;
  analysis: FileAnalysis;
  prepared: PreparedText;
}

function refuse(path: string, bytes: Buffer | null): Candidate | undefined {
  if (bytes === null) return unreadable(path);
  if (bytes.length > MAX_SCAN_BYTES) return tooLarge(path, bytes.length);
  return undefined;
}

/** NUL bytes near the start: binary, which no text rule can read. */
function isBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

async function readOrNull(tree: Tree, path: string): Promise<Buffer | null> {
  try {
    return await tree.readFile(path);
  } catch (cause) {
    // Symlinks out of the checkout and vanished files: reported, not read.
    void cause;
    return null;
  }
}

function unreadable(path: string): Candidate {
  return {
    ruleId: NOT_SCANNED,
    title: "file that could not be read",
    path,
    line: 1,
    value: `${path}\0unreadable`,
    severity: "warning",
    valueless: true,
    note: "It was not scanned for secrets (a symlink out of the checkout?).",
  };
}

function tooLarge(path: string, size: number): Candidate {
  const mb = (size / 1024 / 1024).toFixed(1);
  return {
    ruleId: NOT_SCANNED,
    title: `file of ${mb} MB, over the scan limit`,
    path,
    line: 1,
    value: `${path}\0${size}`,
    severity: "warning",
    valueless: true,
    note: "It was not scanned for secrets; keep large files out of GitOps repos.",
  };
}
