import type { GitHubDouble } from "./gitHubDouble.js";

/** SHAs of a one-file PR. */
export const BASE = "b".repeat(40);
export const HEAD = "c".repeat(40);
export const NEWER = "d".repeat(40);

/** A PR #3 that adds line 2 to `app.yaml`; `push` adds a newer head. */
export function simplePr(gh: GitHubDouble) {
  gh.commit(BASE, { "app.yaml": "a: 1\n" });
  gh.commit(HEAD, { "app.yaml": "a: 1\nb: 2\n" }, BASE);
  gh.pulls.set(3, {
    number: 3,
    draft: false,
    base: BASE,
    head: HEAD,
    commits: [HEAD],
  });
  return {
    /** The PR as the double holds it now. */
    state() {
      const pull = gh.pulls.get(3);
      if (!pull) throw new Error("PR #3 is gone");
      return pull;
    },
    push(): void {
      gh.commit(NEWER, { "app.yaml": "a: 1\nb: 3\n" }, HEAD);
      gh.pulls.set(3, {
        number: 3,
        draft: false,
        base: BASE,
        head: NEWER,
        commits: [HEAD, NEWER],
      });
    },
  };
}

/** The `pull_request` payload fields of PR #3 at `head`. */
export function prFacts(head: string) {
  return { base: BASE, head, commits: [] };
}
