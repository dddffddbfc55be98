import type { AddedLine } from "../../workspace/ChangeSet.js";
import { analyzeFile, type AnalyzeContext } from "./analyzeFile.js";
import { isEnvFile } from "./decoders/envDecoder.js";
import { prepareText, type PreparedText } from "./scanText.js";
import type { FileAnalysis } from "./types.js";

/** Most files read as of a commit per run (each may be an API call). */
export const MAX_CONTEXT_READS = 100;

/** Files of a commit larger than this are not read for context. */
const MAX_CONTEXT_BYTES = 1024 * 1024;

/** How to read a commit's files and decode them like head files. */
export interface HistoryContext {
  readAt(sha: string, path: string): Promise<string | undefined>;
  analyze: AnalyzeContext;
}

/** One file of one commit, prepared for a rule pass. */
export interface HistoryUnit {
  sha: string;
  path: string;
  analysis: FileAnalysis;
  prepared: PreparedText;
  /** The added line a candidate's line stands for, if it is one. */
  addedAt(line: number): AddedLine | undefined;
}

/**
 * Units for the whole files the commits touched, as of each commit, so the
 * head decoders (Secret `data`, `env` name/value pairs, inline Helm values)
 * read the added lines in their context. Only YAML, JSON and dotenv files,
 * at most {@link MAX_CONTEXT_READS}; a file that cannot be read gives no
 * unit (the added lines are still scanned alone).
 */
export async function contextUnits(
  files: readonly { sha: string; path: string; lines: AddedLine[] }[],
  ctx: HistoryContext,
): Promise<HistoryUnit[]> {
  const out: HistoryUnit[] = [];
  const wanted = files.filter((f) => isDecodable(f.path));
  for (const f of wanted.slice(0, MAX_CONTEXT_READS)) {
    const text = await ctx.readAt(f.sha, f.path).catch(() => undefined);
    if (text === undefined || text.length > MAX_CONTEXT_BYTES) continue;
    const analysis = analyzeFile(f.path, text, ctx.analyze);
    const byLine = new Map(f.lines.map((l) => [l.line, l]));
    out.push({
      sha: f.sha,
      path: f.path,
      analysis,
      prepared: prepareText(text, analysis),
      addedAt: (line) => byLine.get(line),
    });
  }
  return out;
}

function isDecodable(path: string): boolean {
  return /\.(?:ya?ml|json)$/i.test(path) || isEnvFile(path);
}
