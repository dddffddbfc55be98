import type { GitHub } from "../github/GitHub.js";
import { openPullForSha } from "../github/openPullForSha.js";
import type { GateJob } from "../job/GateJob.js";
import { runJob, type JobContext } from "../job/runJob.js";
import type { Outcome } from "./handleDelivery.js";
import { pullRequestJob } from "./pullRequestJob.js";
import type { RepositoryFacts } from "./repositoryJob.js";

/** Runs a job with `pr` and `sha` added to the delivery's logger. */
export async function startJob(
  job: GateJob,
  ctx: JobContext,
): Promise<Outcome> {
  const log = ctx.log.child({ pr: job.pr?.number, sha: job.headSha });
  log.info({ trigger: job.trigger, explicit: job.explicit }, "job");
  await runJob(job, { ...ctx, log });
  return "ran";
}

/**
 * Builds a PR job from its number (events that name a PR without its
 * state: check suites, check runs, comments): the head and base are read
 * now, so a re-run checks the PR as it is.
 */
export async function jobForPullNumber(
  github: GitHub,
  repository: RepositoryFacts,
  pullNumber: number,
  delivery: string,
  trigger: string,
): Promise<GateJob> {
  const { data } = await github.rest.pulls.get({
    owner: repository.owner.login,
    repo: repository.name,
    pull_number: pullNumber,
  });
  const explicit = !trigger.endsWith(".requested");
  return pullRequestJob(repository, data, delivery, trigger, explicit);
}

/**
 * A PR job for a re-run whose payload names no PR (a fork's check suite
 * or run): the open PR with this head SHA, or `undefined` when none has.
 */
export async function jobForHeadSha(
  github: GitHub,
  repository: RepositoryFacts,
  sha: string,
  delivery: string,
  trigger: string,
): Promise<GateJob | undefined> {
  const repo = { owner: repository.owner.login, repo: repository.name };
  const number = await openPullForSha(github, repo, sha);
  if (number === undefined) return undefined;
  return jobForPullNumber(github, repository, number, delivery, trigger);
}
