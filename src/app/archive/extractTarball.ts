import { createWriteStream } from "node:fs";
import { lstat, mkdir, realpath, rm, symlink } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { Parser, type ReadEntry } from "tar";
import { entryVerdict } from "./entryVerdict.js";

/** Caps on what one archive may unpack to. */
export interface ArchiveLimits {
  /** Total bytes of all files once unpacked. */
  maxBytes: number;
  /** Number of files, links and directories. */
  maxEntries: number;
}

/** An entry that was not extracted, and why. */
export interface RefusedEntry {
  path: string;
  reason: string;
}

/** What an extraction wrote. */
export interface ExtractResult {
  entries: number;
  bytes: number;
  refused: RefusedEntry[];
}

/** The archive is over a limit: the whole tree is unusable. */
export class ArchiveLimitError extends Error {
  override name = "ArchiveLimitError";
}

/**
 * Unpacks a (gzipped) GitHub tarball into `dir`, which must exist and be
 * empty. Absolute paths, `..`, hard links, devices and links that leave the
 * tree are refused and reported; nothing is written under a symlink. Throws
 * {@link ArchiveLimitError} when a limit is passed (the caller removes
 * `dir`). Files never keep setuid bits: modes are 0644 or 0755.
 */
export async function extractTarball(
  archive: Uint8Array,
  dir: string,
  limits: ArchiveLimits,
): Promise<ExtractResult> {
  const state: State = { entries: 0, bytes: 0, refused: [], links: [] };
  const writes: Promise<void>[] = [];
  const parser = new Parser({ strict: true });
  const done = new Promise<void>((resolve, reject) => {
    parser.on("entry", (entry: ReadEntry) => {
      const write = onEntry(entry, dir, limits, state);
      writes.push(write);
      write.catch((err: unknown) => {
        parser.abort(err as Error);
        reject(err as Error);
      });
    });
    parser.on("error", reject);
    parser.on("end", () => resolve());
  });
  parser.end(Buffer.from(archive));
  await done;
  await Promise.all(writes);
  await refuseEscapingLinks(dir, state);
  return { entries: state.entries, bytes: state.bytes, refused: state.refused };
}

interface State extends ExtractResult {
  links: string[];
}

async function onEntry(
  entry: ReadEntry,
  dir: string,
  limits: ArchiveLimits,
  state: State,
): Promise<void> {
  const verdict = entryVerdict(entry);
  if (!verdict || !verdict.ok) {
    if (verdict) state.refused.push(verdict);
    entry.resume();
    return;
  }
  const under = state.links.find((l) => verdict.path.startsWith(`${l}/`));
  if (under) {
    state.refused.push({
      path: verdict.path,
      reason: `under symlink ${under}`,
    });
    entry.resume();
    return;
  }
  count(entry.size ?? 0, limits, state);
  // Recorded before any await so that later entries see it at once.
  if (entry.type === "SymbolicLink") state.links.push(verdict.path);
  await write(entry, join(dir, verdict.path));
}

function count(size: number, limits: ArchiveLimits, state: State): void {
  state.entries += 1;
  state.bytes += size;
  if (state.entries > limits.maxEntries) {
    throw new ArchiveLimitError(
      `archive has more than ${limits.maxEntries} entries`,
    );
  }
  if (state.bytes > limits.maxBytes) {
    throw new ArchiveLimitError(
      `archive unpacks to more than ${limits.maxBytes} bytes`,
    );
  }
}

async function write(entry: ReadEntry, target: string): Promise<void> {
  if (entry.type === "Directory") {
    entry.resume();
    await mkdir(target, { recursive: true });
    return;
  }
  await mkdir(dirname(target), { recursive: true });
  if (entry.type === "SymbolicLink") {
    entry.resume();
    await symlink(entry.linkpath ?? "", target);
    return;
  }
  const mode = (entry.mode ?? 0) & 0o111 ? 0o755 : 0o644;
  await pipeline(entry, createWriteStream(target, { mode, flags: "wx" }));
}

/**
 * Lexical checks cannot see a link that goes through another link
 * (`a -> .`, `b -> a/..`); the resolved path can. Dangling links are
 * refused too, since their meaning depends on what appears later.
 */
async function refuseEscapingLinks(dir: string, state: State): Promise<void> {
  const root = await realpath(dir);
  for (const link of state.links) {
    const reason = await escapeReason(root, join(dir, link));
    if (!reason) continue;
    state.refused.push({ path: link, reason });
    await rm(join(dir, link), { force: true });
  }
}

async function escapeReason(
  root: string,
  link: string,
): Promise<string | undefined> {
  let real: string;
  try {
    real = await realpath(link);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      return "link target does not exist";
    }
    throw new Error(`resolve link ${link}`, { cause: err });
  }
  const rel = relative(root, real);
  if (rel === ".." || rel.startsWith(`..${sep}`) || rel.startsWith(sep)) {
    return "link leaves the tree";
  }
  await lstat(real);
  return undefined;
}
