import type { GitHub } from "../github/GitHub.js";
import { CHECK_NAME, startCheckRun } from "../publish/checkRuns.js";
import { botLoginOf } from "../publish/authorship.js";
import type { GateJob } from "./GateJob.js";

/** The check run a job will complete, or why it does not run. */
export type Claim =
  | {
      run: true;
      checkRunId: number;
      adopted: boolean;
      /** The app's own login, from the run's `app.slug`. */
      botLogin?: string;
    }
  | { run: false; reason: string };

/**
 * Decides whether a job runs and on which check run, from GitHub's own
 * record (so it holds across restarts and replicas):
 * - the delivery already completed a run: a redelivery, skip;
 * - automatic trigger and a completed run exists for the SHA: skip (a
 *   run cancelled as superseded holds no result, so it does not count);
 * - a run is left `in_progress` by a process that died: adopt it, so a
 *   crash never leaves a second, stuck run;
 * - otherwise create a new run, `in_progress` at once.
 */
export async function claimCheckRun(
  github: GitHub,
  job: GateJob,
  inFlightHere: boolean,
  now: () => Date,
): Promise<Claim> {
  const repo = { owner: job.owner, repo: job.repo };
  const { data } = await github.rest.checks.listForRef({
    ...repo,
    ref: job.headSha,
    check_name: CHECK_NAME,
    filter: "all",
    per_page: 100,
  });
  const runs = data.check_runs;
  const same = runs.find((r) => r.external_id === job.delivery);
  if (same?.status === "completed") {
    return { run: false, reason: "redelivery of a completed run" };
  }
  const done = runs.find(
    (r) => r.status === "completed" && r.conclusion !== "cancelled",
  );
  if (!job.explicit && done) {
    return { run: false, reason: `check run ${done.id} already completed` };
  }
  if (inFlightHere && !job.explicit) {
    return { run: false, reason: "a run for this SHA is in progress here" };
  }
  const stuck = runs.find((r) => r.status !== "completed");
  if (stuck && !inFlightHere) {
    return withBot({ run: true, checkRunId: stuck.id, adopted: true }, stuck);
  }
  const run = await startCheckRun(github, repo, job.headSha, job.delivery, now);
  return withBot({ run: true, checkRunId: run.id, adopted: false }, run);
}

function withBot(
  claim: Extract<Claim, { run: true }>,
  run: { app?: { slug?: string } | null },
): Claim {
  const botLogin = botLoginOf(run.app?.slug);
  return botLogin ? { ...claim, botLogin } : claim;
}
