import type { Context } from "probot";
import type { AppDeps } from "../job/AppDeps.js";
import type { JobContext } from "../job/runJob.js";
import { instrument } from "./instrument.js";

/** What a handler did with a delivery, for the deliveries metric. */
export type Outcome = "ran" | "ignored" | "duplicate" | "refused" | "replied";

/**
 * The frame every event handler runs in: drops redeliveries, gives the
 * delivery its own child logger (`delivery`, `repo`, plus `pr` and `sha`
 * set by the handler), instruments the client and counts the outcome.
 * Errors are logged with the delivery's fields and rethrown to Probot; a
 * failed delivery may be redelivered (a job that got as far as its check
 * run ends it itself and does not throw).
 */
export async function handleDelivery(
  context: Context,
  deps: AppDeps,
  work: (ctx: JobContext) => Promise<Outcome>,
): Promise<void> {
  const payload = context.payload as { repository?: { full_name?: string } };
  const log = context.log.child({
    delivery: context.id,
    repo: payload.repository?.full_name,
  });
  const count = (outcome: string) =>
    deps.metrics.deliveries.inc({ event: context.name, outcome });
  if (!deps.registry.firstDelivery(context.id)) {
    log.info("skip: delivery already handled");
    count("duplicate");
    return;
  }
  instrument(context.octokit, deps.metrics, deps.limits, log);
  try {
    count(await work({ github: context.octokit, log, deps }));
  } catch (err) {
    count("error");
    deps.registry.forgetDelivery(context.id);
    log.error({ err }, "delivery failed");
    throw err;
  }
}
