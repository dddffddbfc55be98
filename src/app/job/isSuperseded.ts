import type { GitHub } from "../github/GitHub.js";
import type { GateJob } from "./GateJob.js";
import type { JobRegistry } from "./JobRegistry.js";

/**
 * The PR's head when it is no longer the job's SHA, asked from GitHub
 * when the run ends: this process's order of events is not the order of
 * the pushes, and another replica may have seen a newer one. Merge groups
 * have no newer head.
 */
export async function isSuperseded(
  github: GitHub,
  job: GateJob,
): Promise<string | undefined> {
  if (!job.pr) return undefined;
  const head = await pullHead(github, job, job.pr.number);
  return head === job.headSha ? undefined : head;
}

/**
 * The SHA of a run in progress here that holds the PR's head by GitHub's
 * account, when `job` is for another SHA: webhooks arrive in any order,
 * so a push event delivered late must not abort the run of the newer
 * push. GitHub is asked only when another run of the PR is in flight.
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
