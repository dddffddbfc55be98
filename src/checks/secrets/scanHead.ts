import type { Tree } from "../../workspace/Tree.js";
import { analyzeFile, type AnalyzeContext } from "./analyzeFile.js";
import { scanText, type ScanFn } from "./scanText.js";
import type { Candidate } from "./types.js";

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
  scan: ScanFn,
): Promise<ScannedFile[]> {
  const out: ScannedFile[] = [];
  for (const path of paths) {
    const bytes = await readOrNull(tree, path);
    if (bytes === null) {
      out.push({ path, lines: [], candidates: [unreadable(path)] });
      continue;
    }
    if (bytes.length > MAX_SCAN_BYTES) {
      out.push({ path, lines: [], candidates: [tooLarge(path, bytes.length)] });
      continue;
    }
    if (bytes.subarray(0, 8192).includes(0)) continue;
    const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
    const analysis = analyzeFile(path, text, ctx);
    const candidates = await scanText(path, text, analysis, scan);
    out.push({ path, lines: text.split(/\r?\n/), candidates });
  }
  return out;
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
    ruleId: "gg:not-scanned",
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
    ruleId: "gg:not-scanned",
    title: `file of ${mb} MB, over the scan limit`,
    path,
    line: 1,
    value: `${path}\0${size}`,
    severity: "warning",
    valueless: true,
    note: "It was not scanned for secrets; keep large files out of GitOps repos.",
  };
}
