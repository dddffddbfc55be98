import { isPlaceholder } from "./placeholders.js";
import type { RuleHit } from "./secretlintEngine.js";
import type { Candidate, DecodedSegment, FileAnalysis } from "./types.js";

/** The rule engine: text in, hits with lines out. */
export type ScanFn = (text: string, path: string) => Promise<RuleHit[]>;

/**
 * Runs the rules once over a file's text followed by the decoded segments
 * (one engine call per file), maps each hit back to its source line, drops
 * hits on ciphertext lines and placeholders, then adds the decoders' own
 * candidates on lines no rule reported.
 */
export async function scanText(
  path: string,
  text: string,
  analysis: FileAnalysis,
  scan: ScanFn,
): Promise<Candidate[]> {
  const rawLines = countLines(text);
  const { merged, starts } = appendSegments(text, rawLines, analysis.decoded);
  const hits = await scan(merged, path);
  const found: Candidate[] = [];
  for (const hit of hits) {
    if (isPlaceholder(hit.value)) continue;
    const segment = segmentAt(hit.line, starts);
    if (!segment && analysis.opaqueLines.has(hit.line)) continue;
    found.push(segment ? fromSegment(path, hit, segment) : fromRaw(path, hit));
  }
  return [...found, ...analysis.candidates];
}

function appendSegments(
  text: string,
  rawLines: number,
  segments: readonly DecodedSegment[],
): { merged: string; starts: [number, DecodedSegment][] } {
  const parts = [text];
  const starts: [number, DecodedSegment][] = [];
  let next = rawLines + 1;
  for (const segment of segments) {
    starts.push([next, segment]);
    parts.push(segment.text);
    next += countLines(segment.text);
  }
  return { merged: parts.join("\n"), starts };
}

function segmentAt(
  line: number,
  starts: readonly [number, DecodedSegment][],
): DecodedSegment | undefined {
  let found: DecodedSegment | undefined;
  for (const [start, segment] of starts) {
    if (start > line) break;
    found = segment;
  }
  return found;
}

function fromRaw(path: string, hit: RuleHit): Candidate {
  const c: Candidate = {
    ruleId: hit.ruleId,
    title: hit.title,
    path,
    line: hit.line,
    value: hit.value,
    severity: "error",
  };
  if (hit.endLine > hit.line) c.endLine = hit.endLine;
  return c;
}

function fromSegment(path: string, hit: RuleHit, s: DecodedSegment): Candidate {
  const c: Candidate = { ...fromRaw(path, hit), line: s.line, where: s.where };
  delete c.endLine;
  if (s.encoded) c.alsoMask = [s.encoded];
  if (s.resource) c.resource = s.resource;
  return c;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
