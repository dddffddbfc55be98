import type { RepoRef } from "../github/GitHub.js";

/** The pull request a job checks, when there is one. */
export interface JobPullRequest {
  number: number;
  draft: boolean;
  /** `changed_files` of the PR, to detect a truncated file list. */
  changedFiles: number;
}

/**
 * One request to gate a commit, whatever event asked for it. Handlers
 * build it from payloads; the runner knows nothing of events.
 */
export interface GateJob extends RepoRef {
  /** `X-GitHub-Delivery` of the webhook. */
  delivery: string;
  /** `event.action` that asked, e.g. `pull_request.synchronize`. */
  trigger: string;
  /**
   * A person asked (re-run button, command, base change): always a new
   * check run. Automatic triggers reuse a result that exists for the SHA.
   */
  explicit: boolean;
  headSha: string;
  baseSha: string;
  /** `repository.html_url`, for links (GHES hosts differ). */
  htmlUrl?: string;
  pr?: JobPullRequest;
}

/** Key of the PR (or merge group head) a job belongs to. */
export function subjectKey(job: GateJob): string {
  const which = job.pr ? `#${job.pr.number}` : `@${job.headSha}`;
  return `${job.owner}/${job.repo}${which}`;
}
