import type { GitHub } from "../github/GitHub.js";
import type { GateJob } from "../job/GateJob.js";
import { repositoryJob, type RepositoryFacts } from "./repositoryJob.js";

/** The commits of a merge group: its head and the commit it builds on. */
export interface MergeGroupCommits {
  headSha: string;
  baseSha: string;
}

/** Branches GitHub's merge queue creates: `gh-readonly-queue/<base>/…`. */
const QUEUE_BRANCH = /^gh-readonly-queue\//;

/** True for a merge queue's temporary branch. */
export function isMergeQueueBranch(branch: string | null | undefined) {
  return QUEUE_BRANCH.test(branch ?? "");
}

/**
 * A job for a merge group: no PR (nothing to comment on), the group's
 * head gated against its base. `explicit` for a re-run of a completed
 * run. Pure.
 */
export function mergeGroupJob(
  repository: RepositoryFacts,
  commits: MergeGroupCommits,
  delivery: string,
  trigger: string,
  explicit: boolean,
): GateJob {
  return repositoryJob(repository, delivery, trigger, explicit, commits);
}

/**
 * The merge group behind a check run on a queue branch: check-run
 * payloads name the head only, and a group's base is the first parent of
 * its head commit (GitHub's `merge_group.base_sha` is that parent).
 */
export async function mergeGroupOf(
  github: GitHub,
  repository: RepositoryFacts,
  headSha: string,
): Promise<MergeGroupCommits | undefined> {
  const { data } = await github.rest.git.getCommit({
    owner: repository.owner.login,
    repo: repository.name,
    commit_sha: headSha,
  });
  const baseSha = data.parents[0]?.sha;
  return baseSha ? { headSha, baseSha } : undefined;
}
