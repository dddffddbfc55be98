import type { Context } from "probot";
import type { GateJob } from "../job/GateJob.js";
import type { AppDeps } from "../job/AppDeps.js";
import type { JobContext } from "../job/runJob.js";
import { CHECK_NAME, RECHECK_ACTION } from "../publish/checkRuns.js";
import { handleDelivery } from "./handleDelivery.js";
import {
  isMergeQueueBranch,
  mergeGroupJob,
  mergeGroupOf,
} from "./mergeGroupJob.js";
import { jobForHeadSha, jobForPullNumber, startJob } from "./startJob.js";

type CheckRunContext = Context<"check_run">;

/**
 * GitHub's "Re-run" on our check run, or our own "Re-run" action button:
 * gates the run's PR again on its current head (a fork PR's run names no
 * PR: it is found by head SHA), or a merge queue's group again (a queued PR must not stay failed after a transient error).
 */
export async function onCheckRun(
  context: CheckRunContext,
  deps: AppDeps,
): Promise<void> {
  await handleDelivery(context, deps, async (ctx) => {
    const { payload } = context;
    if (payload.check_run.name !== CHECK_NAME) return "ignored";
    if (
      payload.action === "requested_action" &&
      payload.requested_action?.identifier !== RECHECK_ACTION.identifier
    ) {
      return "ignored";
    }
    const job = await jobOf(context, ctx);
    return job ? startJob(job, ctx) : "ignored";
  });
}

async function jobOf(
  context: CheckRunContext,
  ctx: JobContext,
): Promise<GateJob | undefined> {
  const { payload } = context;
  const trigger = `${context.name}.${payload.action}`;
  const pr = payload.check_run.pull_requests[0];
  if (pr) {
    return jobForPullNumber(
      ctx.github,
      payload.repository,
      pr.number,
      context.id,
      trigger,
    );
  }
  if (!isMergeQueueBranch(payload.check_run.check_suite?.head_branch)) {
    // A fork PR's run lists no PR.
    return jobForHeadSha(
      ctx.github,
      payload.repository,
      payload.check_run.head_sha,
      context.id,
      trigger,
    );
  }
  const group = await mergeGroupOf(
    ctx.github,
    payload.repository,
    payload.check_run.head_sha,
  );
  return group
    ? mergeGroupJob(payload.repository, group, context.id, trigger, true)
    : undefined;
}
