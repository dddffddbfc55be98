import type { GateJob } from "../job/GateJob.js";

/** The parts of a pull request payload a job needs. */
export interface PullRequestFacts {
  number: number;
  draft?: boolean;
  changed_files?: number;
  head: { sha: string };
  base: { sha: string };
}

/** The parts of a repository payload a job needs. */
export interface RepositoryFacts {
  name: string;
  html_url?: string;
  owner: { login: string };
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
  const job: GateJob = {
    owner: repository.owner.login,
    repo: repository.name,
    delivery,
    trigger,
    explicit,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    pr: {
      number: pr.number,
      draft: pr.draft ?? false,
      changedFiles: pr.changed_files ?? 0,
    },
  };
  if (repository.html_url) job.htmlUrl = repository.html_url;
  return job;
}
