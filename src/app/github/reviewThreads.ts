import type { GitHub } from "./GitHub.js";

/** A pull request's review thread, keyed by its first comment. */
export interface ReviewThread {
  /** The GraphQL node id `resolveReviewThread` takes. */
  id: string;
  isResolved: boolean;
}

/** A pull request as GraphQL names it. */
export interface PullRef {
  owner: string;
  repo: string;
  pull_number: number;
}

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        nodes: {
          id: string;
          isResolved: boolean;
          comments: { nodes: { databaseId: number | null }[] };
        }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } | null;
  } | null;
}

const THREADS = `query ($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $after) {
        nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

const RESOLVE = `mutation ($id: ID!) {
  resolveReviewThread(input: { threadId: $id }) { thread { id isResolved } }
}`;

/**
 * The PR's review threads by the REST id of their first comment. Only
 * GraphQL has threads: REST knows comments and `in_reply_to_id`.
 */
export async function listReviewThreads(
  github: GitHub,
  pr: PullRef,
): Promise<Map<number, ReviewThread>> {
  const threads = new Map<number, ReviewThread>();
  let after: string | null = null;
  do {
    const page: ThreadsPage = await github.graphql<ThreadsPage>(THREADS, {
      owner: pr.owner,
      repo: pr.repo,
      number: pr.pull_number,
      after,
    });
    const list = page.repository?.pullRequest?.reviewThreads;
    for (const t of list?.nodes ?? []) {
      const first = t.comments.nodes[0]?.databaseId;
      if (first != null)
        threads.set(first, { id: t.id, isResolved: t.isResolved });
    }
    after = list?.pageInfo.hasNextPage ? list.pageInfo.endCursor : null;
  } while (after);
  return threads;
}

/**
 * Resolves a review thread. Needs the app's pull requests write
 * permission; GitHub answers an error otherwise, which Octokit throws.
 */
export async function resolveReviewThread(
  github: GitHub,
  threadId: string,
): Promise<void> {
  await github.graphql(RESOLVE, { id: threadId });
}
