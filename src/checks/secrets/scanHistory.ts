import type { AddedLine, CommitPatch } from "../../workspace/ChangeSet.js";
import { base64Text } from "./decoders/base64Text.js";
import { credentialCandidate } from "./decoders/credentialCandidate.js";
import { envCandidates, isEnvFile } from "./decoders/envDecoder.js";
import { isHelmValues } from "./decoders/helmValuesDecoder.js";
import {
  contextUnits,
  type HistoryContext,
  type HistoryUnit,
} from "./historyContext.js";
import type { ScanManyFn } from "./scanMany.js";
import { collectHits, prepareText } from "./scanText.js";
import { emptyAnalysis, type Candidate, type FileAnalysis } from "./types.js";

/** A YAML `key: <base64>` line, the shape of a Secret's `data`. */
const BASE64_VALUE =
  /^\s*(?:-\s+)?["']?([\w.-]+)["']?\s*:\s*["']?([A-Za-z0-9+/]{16,}={0,2})["']?\s*$/;

/** A candidate found in what one commit added, with that commit's line. */
export interface HistoryCandidate extends Candidate {
  sha: string;
  /** The added line's text (trimmed), to tell whether it is still there. */
  lineText: string;
}

/**
 * Scans the lines each commit adds, per file: the rules over the added
 * lines (in order, so multi-line keys stay whole) and over base64 values
 * decoded from `key: value` lines; with `context`, also the whole file as
 * of that commit through the head decoders, keeping what lands on an added
 * line. Line numbers are as of that commit.
 */
export async function scanCommits(
  commits: readonly CommitPatch[],
  scan: ScanManyFn,
  context?: HistoryContext,
): Promise<HistoryCandidate[]> {
  const files = commits.flatMap((commit) =>
    [...byPath(commit.added)].map(([path, lines]) => ({
      sha: commit.sha,
      path,
      lines,
    })),
  );
  // Context first: where both see a value, the decoded one (the head
  // scan's value and fingerprint) is the one kept.
  const units = [
    ...(context ? await contextUnits(files, context) : []),
    ...files.map(lineUnit),
  ];
  const hits = await scan(
    units.map((u) => ({ path: u.path, text: u.prepared.merged })),
  );
  return units.flatMap((u, i) =>
    collectHits(u.path, hits[i] ?? [], u.prepared, u.analysis).flatMap((c) => {
      const added = u.addedAt(c.line);
      return added ? [atCommit(c, added, u.sha)] : [];
    }),
  );
}

/** The added lines of one file alone, joined: line i is `lines[i - 1]`. */
function lineUnit(f: {
  sha: string;
  path: string;
  lines: AddedLine[];
}): HistoryUnit {
  const analysis = decodeLines(f.path, f.lines);
  const text = f.lines.map((l) => l.text).join("\n");
  return {
    ...f,
    analysis,
    prepared: prepareText(text, analysis),
    addedAt: (line) => f.lines[line - 1],
  };
}

function atCommit(
  c: Candidate,
  added: AddedLine,
  sha: string,
): HistoryCandidate {
  const { endLine: _e, ...rest } = c;
  return { ...rest, line: added.line, sha, lineText: added.text.trim() };
}

/**
 * Decoded base64 values (with their key, which rules use as context) and,
 * in dotenv files and plain YAML (see {@link isPlainYaml}),
 * credential-shaped keys. Lines are
 * indexes into the joined text.
 */
function decodeLines(path: string, lines: readonly AddedLine[]): FileAnalysis {
  const analysis = emptyAnalysis();
  const plain = isEnvFile(path) || isPlainYaml(path, lines);
  lines.forEach((l, i) => {
    const site = { path, line: i + 1, where: "added line" };
    if (plain) analysis.candidates.push(...envCandidates(l.text, site, true));
    const m = BASE64_VALUE.exec(l.text);
    const text = m?.[2] === undefined ? undefined : base64Text(m[2]);
    if (text === undefined || !m?.[1] || !m[2]) return;
    const where = "base64 value";
    analysis.decoded.push({
      line: i + 1,
      text: `${m[1]}: ${text}`,
      where,
      encoded: m[2],
    });
    const c = credentialCandidate(m[1], text, {
      ...site,
      where,
      alsoMask: [m[2]],
    });
    if (c) analysis.candidates.push(c);
  });
  return analysis;
}

/** A top-level `kind:` line (quoted or not) and the kind it names. */
const KIND_LINE = /^["']?kind["']?\s*:\s*["']?([\w.-]+)/;

/** Kinds whose values the head scan reads as `key: value` pairs. */
const PLAIN_KINDS = new Set(["Secret", "ConfigMap"]);

/**
 * Whether added lines of a YAML or JSON file get the credential-shaped
 * key heuristic, as the head scan gives them: values and config files,
 * Secrets and ConfigMaps, and edits that add no `kind` line (a change to
 * a Secret's `stringData`). A commit adding a Deployment does not.
 */
function isPlainYaml(path: string, lines: readonly AddedLine[]): boolean {
  if (isHelmValues(path)) return true;
  if (!/\.(?:ya?ml|json)$/i.test(path)) return false;
  const kinds = lines.flatMap((l) => KIND_LINE.exec(l.text)?.[1] ?? []);
  return kinds.length === 0 || kinds.some((k) => PLAIN_KINDS.has(k));
}

function byPath(added: readonly AddedLine[]): Map<string, AddedLine[]> {
  const map = new Map<string, AddedLine[]>();
  for (const l of added) {
    const list = map.get(l.path) ?? [];
    list.push(l);
    map.set(l.path, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.line - b.line);
  return map;
}
