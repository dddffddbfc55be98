import type { Context } from "probot";
import type { AppDeps } from "../job/AppDeps.js";
import { CHECK_NAME, RECHECK_ACTION } from "../publish/checkRuns.js";
import { handleDelivery } from "./handleDelivery.js";
import { jobForPullNumber, startJob } from "./startJob.js";

/**
 * GitHub's "Re-run" on our check run, or our own "Re-run" action button:
 * gates the run's PR again on its current head.
 */
export async function onCheckRun(
  context: Context<"check_run">,
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
    const pr = payload.check_run.pull_requests[0];
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
