import type { GitHub } from "../github/GitHub.js";
import type { GateJob } from "./GateJob.js";
import type { JobRegistry } from "./JobRegistry.js";

/**
 * The newer head SHA of the job's PR, if one exists: first from this
 * process, then from GitHub (another replica may have seen the push).
 * Merge groups have no newer head.
 */
export async function isSuperseded(
  github: GitHub,
  job: GateJob,
  registry: JobRegistry,
): Promise<string | undefined> {
  if (!job.pr) return undefined;
  const local = registry.superseded(job);
  if (local) return local;
  const head = await pullHead(github, job, job.pr.number);
  return head === job.headSha ? undefined : head;
}

/**
 * The SHA of a run in progress here that already holds the PR's head,
 * when `job` is for another SHA: webhooks arrive in any order, so a push
 * event delivered late must not abort the run of the newer push. GitHub
 * is asked only when another run of the PR is in flight.
 */
export async function aheadInFlight(
  github: GitHub,
  job: GateJob,
  registry: JobRegistry,
): Promise<string | undefined> {
  const other = job.pr ? registry.otherInFlight(job) : undefined;
  if (other === undefined || !job.pr) return undefined;
  const head = await pullHead(github, job, job.pr.number);
  return head === other ? other : undefined;
}

async function pullHead(
  github: GitHub,
  job: GateJob,
  pullNumber: number,
): Promise<string> {
  const { data } = await github.rest.pulls.get({
    owner: job.owner,
    repo: job.repo,
    pull_number: pullNumber,
  });
  return data.head.sha;
}
