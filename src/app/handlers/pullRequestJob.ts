import type { GateJob } from "../job/GateJob.js";
import { repositoryJob, type RepositoryFacts } from "./repositoryJob.js";

/** The parts of a pull request payload a job needs. */
export interface PullRequestFacts {
  number: number;
  draft?: boolean;
  changed_files?: number;
  head: { sha: string };
  base: { sha: string };
}

/**
 * A job for a pull request. `explicit` jobs always get a new check run
 * (re-run button, command, base branch change, ready for review); others
 * reuse a completed run of the same SHA. Pure.
 */
export function pullRequestJob(
  repository: RepositoryFacts,
  pr: PullRequestFacts,
  delivery: string,
  trigger: string,
  explicit: boolean,
): GateJob {
  return repositoryJob(repository, delivery, trigger, explicit, {
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    pr: {
      number: pr.number,
      draft: pr.draft ?? false,
      changedFiles: pr.changed_files ?? 0,
    },
  });
}
