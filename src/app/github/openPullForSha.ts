import type { GitHub, RepoRef } from "./GitHub.js";

/**
 * The number of an open pull request whose head is `sha`, most recently
 * updated first; `undefined` when none is. For fork PRs: GitHub leaves
 * `pull_requests` of their check suites and runs empty, and
 * `GET /commits/{sha}/pulls` does not know a commit that lives only in the
 * fork, but the open PR list reports every head SHA. Stops at the first
 * page with a match.
 */
export async function openPullForSha(
  github: GitHub,
  repo: RepoRef,
  sha: string,
): Promise<number | undefined> {
  const pages = github.paginate.iterator(github.rest.pulls.list, {
    ...repo,
    state: "open",
    sort: "updated",
    direction: "desc",
    per_page: 100,
  });
  for await (const { data } of pages) {
    const pr = data.find((p) => p.head.sha === sha);
    if (pr) return pr.number;
  }
  return undefined;
}
