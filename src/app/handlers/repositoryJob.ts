import type { GateJob } from "../job/GateJob.js";

/** The parts of a repository payload a job needs. */
export interface RepositoryFacts {
  name: string;
  html_url?: string;
  owner: { login: string };
}

/**
 * A gate job on `repository` for the given commits (and PR, if any): the
 * fields every trigger shares. `explicit` jobs always get a new check run.
 * Pure.
 */
export function repositoryJob(
  repository: RepositoryFacts,
  delivery: string,
  trigger: string,
  explicit: boolean,
  subject: Pick<GateJob, "headSha" | "baseSha" | "pr">,
): GateJob {
  const job: GateJob = {
    owner: repository.owner.login,
    repo: repository.name,
    delivery,
    trigger,
    explicit,
    ...subject,
  };
  if (repository.html_url) job.htmlUrl = repository.html_url;
  return job;
}
