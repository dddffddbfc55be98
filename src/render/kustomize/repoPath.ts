import { posix } from "node:path";

/**
 * Joins a reference found in `dir` onto it, repo-relative. Returns
 * undefined when the result is absolute or leaves the repository.
 */
export function repoPath(dir: string, ref: string): string | undefined {
  if (ref.startsWith("/")) return undefined;
  const joined = posix.normalize(posix.join(dir === "" ? "." : dir, ref));
  if (joined === ".." || joined.startsWith("../")) return undefined;
  return joined === "." ? "" : joined.replace(/\/$/, "");
}

/** The directory of a repo-relative file (`""` for the root). */
export function dirOf(file: string): string {
  const i = file.lastIndexOf("/");
  return i < 0 ? "" : file.slice(0, i);
}

/** True when `ref` names a remote base, resource or chart. */
export function isRemoteRef(ref: string): boolean {
  return surelyRemote(ref) || HOST_FIRST.test(ref);
}

/** `github.com/org/repo/path` and other host-first forms. */
const HOST_FIRST = /^[a-z0-9-]+(\.[a-z0-9-]+)+\/[^/]/i;

/**
 * True for a remote-looking reference that kustomize reads as a local
 * directory when one of that name exists: a host-first form without URL
 * syntax. `github.com/…` is not one of them: kustomize always fetches it.
 */
export function mayBeLocal(ref: string): boolean {
  return (
    HOST_FIRST.test(ref) && !surelyRemote(ref) && !/^github\.com\//i.test(ref)
  );
}

function surelyRemote(ref: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return true;
  if (/^git@|^ssh:|\?ref=|\.git(\/\/|$)/.test(ref)) return true;
  // go-getter forcing (`git::https://…`), kustomize's `gh:` shorthand and
  // scp-like `user@host:path`: kustomize fetches all of them.
  return /^[a-z0-9]+::|^gh:|^[\w.-]+@[\w.-]+:/i.test(ref);
}

/** The host part of a remote reference, lower case. */
export function remoteHost(ref: string): string {
  if (/^gh:/i.test(ref)) return "github.com";
  const bare = ref.replace(/^[a-z0-9]+::/i, "");
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(bare);
  if (url?.[1]) return url[1].toLowerCase();
  const scp = /^(?:[^@/]+@)?([^/:]+)[:/]/.exec(bare);
  return (scp?.[1] ?? bare).toLowerCase();
}
