import type { Context } from "probot";
import type { AppDeps } from "../job/AppDeps.js";
import type { GateJob } from "../job/GateJob.js";
import type { JobContext } from "../job/runJob.js";
import { handleDelivery } from "./handleDelivery.js";
import {
  isMergeQueueBranch,
  mergeGroupJob,
  mergeGroupOf,
} from "./mergeGroupJob.js";
import { jobForHeadSha, jobForPullNumber, startJob } from "./startJob.js";

type CheckSuiteContext = Context<"check_suite">;

/**
 * Gates the PR of a check suite. `requested` arrives with every push next
 * to `pull_request.synchronize` and is dropped when that run exists;
 * `rerequested` ("Re-run all checks") always runs, on a merge queue's
 * suite too. GitHub lists no PR in a fork PR's suite, so a rerequested
 * suite without one is matched to the open PR with its head SHA (none for
 * a branch push: ignored). A `requested` suite without a PR is ignored:
 * the `pull_request` and `merge_group` events cover those.
 */
export async function onCheckSuite(
  context: CheckSuiteContext,
  deps: AppDeps,
): Promise<void> {
  await handleDelivery(context, deps, async (ctx) => {
    const job = await jobOf(context, ctx);
    return job ? startJob(job, ctx) : "ignored";
  });
}

async function jobOf(
  context: CheckSuiteContext,
  ctx: JobContext,
): Promise<GateJob | undefined> {
  const { payload } = context;
  const trigger = `${context.name}.${payload.action}`;
  const suite = payload.check_suite;
  const pr = suite.pull_requests[0];
  if (pr) {
    return jobForPullNumber(
      ctx.github,
      payload.repository,
      pr.number,
      context.id,
      trigger,
    );
  }
  if (payload.action !== "rerequested") return undefined;
  if (!isMergeQueueBranch(suite.head_branch)) {
    return jobForHeadSha(
      ctx.github,
      payload.repository,
      suite.head_sha,
      context.id,
      trigger,
    );
  }
  const group = await mergeGroupOf(
    ctx.github,
    payload.repository,
    suite.head_sha,
  );
  return group
    ? mergeGroupJob(payload.repository, group, context.id, trigger, true)
    : undefined;
}
