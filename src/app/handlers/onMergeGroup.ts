import type { Context } from "probot";
import type { AppDeps } from "../job/AppDeps.js";
import { handleDelivery } from "./handleDelivery.js";
import { mergeGroupJob } from "./mergeGroupJob.js";
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
    const { head_sha: headSha, base_sha: baseSha } = payload.merge_group;
    const job = mergeGroupJob(
      repository,
      { headSha, baseSha },
      context.id,
      `${context.name}.${payload.action}`,
      false,
    );
    return startJob(job, ctx);
  });
}
