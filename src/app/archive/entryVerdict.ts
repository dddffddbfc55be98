import { posix } from "node:path";

/** Why an archive entry was refused, or `ok` with its path in the tree. */
export type EntryVerdict =
  { ok: true; path: string } | { ok: false; path: string; reason: string };

const KEPT = new Set(["File", "OldFile", "ContiguousFile", "Directory"]);
const IGNORED = new Set(["GlobalExtendedHeader", "ExtendedHeader"]);

/** The archive facts about one entry that decide whether it is safe. */
export interface EntryHeader {
  path: string;
  type: string;
  linkpath?: string;
}

/**
 * Decides whether one entry of a GitHub tarball may be written, before any
 * byte reaches the disk. GitHub prefixes every path with
 * `<owner>-<repo>-<sha>/`; that first component is dropped. Pure.
 *
 * @returns `undefined` for headers that carry no file (pax, the prefix dir)
 */
export function entryVerdict(entry: EntryHeader): EntryVerdict | undefined {
  if (IGNORED.has(entry.type)) return undefined;
  const raw = entry.path.replace(/\/+$/, "");
  const unsafe = unsafePath(raw);
  if (unsafe) return { ok: false, path: raw, reason: unsafe };
  const path = raw.split("/").slice(1).join("/");
  if (path === "") return undefined;
  if (entry.type === "SymbolicLink") return linkVerdict(path, entry.linkpath);
  if (KEPT.has(entry.type)) return { ok: true, path };
  const reason =
    entry.type === "Link"
      ? "hard links are not extracted"
      : `entry type ${entry.type} is not extracted`;
  return { ok: false, path, reason };
}

function unsafePath(path: string): string | undefined {
  if (path.includes("\0")) return "path contains a NUL byte";
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) {
    return "absolute path";
  }
  if (path.includes("\\")) return "path contains a backslash";
  if (path.split("/").includes("..")) return "path contains `..`";
  return undefined;
}

function linkVerdict(path: string, target = ""): EntryVerdict {
  if (target === "") return { ok: false, path, reason: "empty link target" };
  if (target.startsWith("/") || /^[A-Za-z]:/.test(target)) {
    return { ok: false, path, reason: "link to an absolute path" };
  }
  const resolved = posix.normalize(posix.join(posix.dirname(path), target));
  if (resolved === ".." || resolved.startsWith("../")) {
    return { ok: false, path, reason: "link leaves the tree" };
  }
  return { ok: true, path };
}
