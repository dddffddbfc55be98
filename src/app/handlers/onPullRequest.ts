import type { Context } from "probot";
import type { AppDeps } from "../job/AppDeps.js";
import { handleDelivery } from "./handleDelivery.js";
import { pullRequestJob } from "./pullRequestJob.js";
import { startJob } from "./startJob.js";

/** The pull request actions that start a run. */
export const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.ready_for_review",
  "pull_request.edited",
] as const;

/**
 * Gates a PR on open, push, reopen, ready for review, and on an edit that
 * changed the base branch (the config then comes from the new base).
 * Other edits (title, body) are ignored.
 */
export async function onPullRequest(
  context: Context<"pull_request">,
  deps: AppDeps,
): Promise<void> {
  await handleDelivery(context, deps, async (ctx) => {
    const { payload } = context;
    const baseChanged =
      payload.action === "edited" && payload.changes?.base !== undefined;
    if (payload.action === "edited" && !baseChanged) return "ignored";
    const explicit = baseChanged || payload.action === "ready_for_review";
    const job = pullRequestJob(
      payload.repository,
      payload.pull_request,
      context.id,
      `${context.name}.${payload.action}`,
      explicit,
    );
    return startJob(job, ctx);
  });
}
