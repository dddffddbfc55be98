import type { Context } from "probot";
import type { AppDeps } from "../job/AppDeps.js";
import type { GateJob } from "../job/GateJob.js";
import { handleDelivery } from "./handleDelivery.js";
import { startJob } from "./startJob.js";

/**
 * A merge queue asks for checks on the merge group's head commit: it gets
 * a real gate run against the group's base, never an automatic pass.
 */
export async function onMergeGroup(
  context: Context<"merge_group">,
  deps: AppDeps,
): Promise<void> {
  await handleDelivery(context, deps, async (ctx) => {
    const { payload } = context;
    const repository = payload.repository;
    if (!repository) return "ignored";
    const job: GateJob = {
      owner: repository.owner.login,
      repo: repository.name,
      delivery: context.id,
      trigger: `${context.name}.${payload.action}`,
      explicit: false,
      headSha: payload.merge_group.head_sha,
      baseSha: payload.merge_group.base_sha,
      htmlUrl: repository.html_url,
    };
    return startJob(job, ctx);
  });
}
