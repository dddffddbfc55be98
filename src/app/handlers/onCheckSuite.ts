import type { Context } from "probot";
import type { AppDeps } from "../job/AppDeps.js";
import { handleDelivery } from "./handleDelivery.js";
import { jobForPullNumber, startJob } from "./startJob.js";

/**
 * Gates the PR of a check suite. `requested` arrives with every push next
 * to `pull_request.synchronize` and is dropped when that run exists;
 * `rerequested` ("Re-run all checks") always runs. A suite without a PR
 * (a branch push, or a fork whose PR GitHub does not list here) is
 * ignored: the `pull_request` event covers forks.
 */
export async function onCheckSuite(
  context: Context<"check_suite">,
  deps: AppDeps,
): Promise<void> {
  await handleDelivery(context, deps, async (ctx) => {
    const { payload } = context;
    const pr = payload.check_suite.pull_requests[0];
    if (!pr) return "ignored";
    const job = await jobForPullNumber(
      ctx.github,
      payload.repository,
      pr.number,
      context.id,
      `${context.name}.${payload.action}`,
    );
    return startJob(job, ctx);
  });
}
