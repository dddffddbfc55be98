import type { GitHubDouble } from "./gitHubDouble.js";

interface Page {
  first?: number;
  after?: string | null;
}

/**
 * The GraphQL fields the app uses, over the double's state: a review
 * thread per top-level review comment (id `PRRT_<comment id>`), listed
 * in pages by `first` / `after`, and `resolveReviewThread`.
 */
export function graphQlRoot(gh: GitHubDouble): Record<string, unknown> {
  const thread = (id: number) => ({
    id: `PRRT_${id}`,
    isResolved: gh.resolvedThreads.has(id),
    comments: () => ({ nodes: [{ databaseId: id }] }),
  });
  const threads = ({ first = 100, after }: Page) => {
    const all = gh.reviewComments
      .filter((c) => c.in_reply_to_id === undefined)
      .map((c) => c.id);
    const start = after ? Number(after) : 0;
    const end = start + first;
    return {
      nodes: all.slice(start, end).map(thread),
      pageInfo: {
        hasNextPage: end < all.length,
        endCursor: end < all.length ? String(end) : null,
      },
    };
  };
  return {
    repository: ({ owner, name }: { owner: string; name: string }) =>
      owner === gh.owner && name === gh.repo
        ? { pullRequest: () => ({ reviewThreads: threads }) }
        : null,
    resolveReviewThread: ({ input }: { input: { threadId: string } }) => {
      const id = Number(input.threadId.replace(/^PRRT_/, ""));
      if (!gh.reviewComments.some((c) => c.id === id)) {
        throw new Error(`Could not resolve to a node with the global id`);
      }
      gh.resolvedThreads.add(id);
      return { thread: thread(id) };
    },
  };
}
