import { isPlaceholder } from "./placeholders.js";
import type { RuleHit } from "./secretlintEngine.js";
import { lineCount } from "./scanMany.js";
import type { Candidate, DecodedSegment, FileAnalysis } from "./types.js";

/** A file's text followed by its decoded segments, ready for the rules. */
export interface PreparedText {
  merged: string;
  /** First line of each decoded segment in `merged`. */
  starts: [number, DecodedSegment][];
}

/**
 * Appends the decoded segments to a file's text, so that one rule pass
 * reads both; {@link collectHits} maps the hits back.
 */
export function prepareText(
  text: string,
  analysis: FileAnalysis,
): PreparedText {
  const parts = [text];
  const starts: [number, DecodedSegment][] = [];
  let next = lineCount(text) + 1;
  for (const segment of analysis.decoded) {
    starts.push([next, segment]);
    parts.push(segment.text);
    next += lineCount(segment.text);
  }
  return { merged: parts.join("\n"), starts };
}

/**
 * Maps rule hits back to source lines (a decoded segment's hits go to the
 * line of its YAML key), drops hits on ciphertext lines and placeholders,
 * then adds the decoders' own candidates.
 */
export function collectHits(
  path: string,
  hits: readonly RuleHit[],
  prepared: PreparedText,
  analysis: FileAnalysis,
): Candidate[] {
  const found: Candidate[] = [];
  for (const hit of hits) {
    if (isPlaceholder(hit.value)) continue;
    const segment = segmentAt(hit.line, prepared.starts);
    if (!segment && analysis.opaqueLines.has(hit.line)) continue;
    found.push(segment ? fromSegment(path, hit, segment) : fromRaw(path, hit));
  }
  return [...found, ...analysis.candidates];
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
