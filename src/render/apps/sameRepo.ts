/**
 * Normalises a git URL to `host/path` (lower case, no scheme, user, `.git`
 * or trailing slash), so `git@github.com:Org/Repo.git` and
 * `https://github.com/org/repo` compare equal.
 */
export function normalizeRepoURL(url: string): string {
  let u = url.trim().toLowerCase();
  u = u.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  u = u.replace(/^[^@/]+@/, "");
  u = u.replace(/^([^/:]+):(?!\d)/, "$1/");
  return u.replace(/\/+$/, "").replace(/\.git$/, "");
}

/** True when `url` names one of `repoURLs` (this repository). */
export function isThisRepo(url: unknown, repoURLs: readonly string[]): boolean {
  if (typeof url !== "string" || url === "") return false;
  const n = normalizeRepoURL(url);
  return repoURLs.some((r) => normalizeRepoURL(r) === n);
}
