import { mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "probot";
import type { GitHub } from "../github/GitHub.js";
import { fetchRepoFile } from "../github/fetchRepoFile.js";
import { loadRepoConfig } from "../config/loadRepoConfig.js";
import { completeCheckRun, type CheckResult } from "../publish/checkRuns.js";
import { publishReview } from "../publish/publishReview.js";
import { upsertSummaryComment } from "../publish/upsertSummaryComment.js";
import type { AppDeps } from "./AppDeps.js";
import { claimCheckRun } from "./claimCheckRun.js";
import { ReplacedError, SupersededError } from "./JobRegistry.js";
import { diffMarkdownOf } from "./diffMarkdownOf.js";
import { raceSignal } from "./raceSignal.js";
import { failureResult } from "./failureResult.js";
import type { GateJob } from "./GateJob.js";
import { readChange, type Change } from "./readChange.js";
import { removeCheckout } from "./removeCheckout.js";
import { aheadInFlight, isSuperseded } from "./isSuperseded.js";
import { toCheckResult } from "./toCheckResult.js";
import type { Verdict } from "../../gate/Verdict.js";
import type { Config } from "../../config/schema.js";

/** Who runs a job: the delivery's client and logger, and the app's parts. */
export interface JobContext {
  github: GitHub;
  log: Logger;
  deps: AppDeps;
}

/** A finished gate run, before publishing. */
interface Outcome {
  verdict: Verdict;
  config: Config;
  change: Change;
  result: CheckResult;
}

/**
 * Runs one job: claim a check run, read the change, run the gate, publish.
 * Owns the top-level catch: whatever fails, the check run ends `failure`
 * saying why (fail closed), and a superseded run ends `cancelled`.
 */
export async function runJob(job: GateJob, ctx: JobContext): Promise<void> {
  const { registry, now } = ctx.deps;
  if (!job.explicit && registry.inFlight(job)) {
    ctx.log.info("skip: a run for this SHA is in progress here");
    return;
  }
  // A late event for an older push must not abort the newer run; it runs
  // beside it (GitHub's API may lag its webhooks) and the end decides.
  const ahead = await aheadInFlight(ctx.github, job, registry);
  if (ahead) ctx.log.info({ head: ahead }, "the PR's head is running here");
  const wasInFlight = registry.inFlight(job);
  const signal = registry.start(job, ahead === undefined);
  try {
    const claim = await claimCheckRun(ctx.github, job, wasInFlight, now);
    if (!claim.run) {
      ctx.log.info({ reason: claim.reason }, "skip");
      return;
    }
    ctx.log.info({ checkRun: claim.checkRunId, adopted: claim.adopted }, "run");
    await runClaimed(job, ctx, claim, signal);
  } finally {
    registry.finish(job, signal);
  }
}

async function runClaimed(
  job: GateJob,
  ctx: JobContext,
  claim: { checkRunId: number; botLogin?: string },
  signal: AbortSignal,
): Promise<void> {
  const { checkRunId, botLogin } = claim;
  const repo = { owner: job.owner, repo: job.repo };
  const { now, limits } = ctx.deps;
  const root = await mkdtemp(join(ctx.deps.tmpRoot, "gitops-gate-"));
  const deadline = AbortSignal.any([
    signal,
    AbortSignal.timeout(limits.jobTimeoutMs),
  ]);
  let work: Promise<Outcome> | undefined;
  try {
    const release = await ctx.deps.registry.slots.acquire();
    work = check(job, ctx, root, deadline);
    const outcome = await raceSignal(work, deadline).finally(release);
    // Replaced while finishing: the newer run of this commit publishes.
    signal.throwIfAborted();
    const newer = await isSuperseded(ctx.github, job);
    if (newer) {
      await completeCheckRun(
        ctx.github,
        repo,
        checkRunId,
        cancelled(newer),
        now,
      );
      ctx.log.info({ newer }, "superseded");
      return;
    }
    await completeCheckRun(ctx.github, repo, checkRunId, outcome.result, now);
    record(ctx, outcome);
    await publishToPr(job, ctx, outcome, botLogin);
  } catch (err) {
    const gone = abandoned(signal);
    const result = gone ?? failureResult(err);
    if (!gone) ctx.log.error({ err }, "job failed");
    await completeCheckRun(ctx.github, repo, checkRunId, result, now);
    ctx.deps.metrics.conclusions.inc({ conclusion: result.conclusion });
  } finally {
    await removeCheckout(root, work ?? Promise.resolve(), ctx.log);
  }
}

async function check(
  job: GateJob,
  ctx: JobContext,
  root: string,
  signal: AbortSignal,
): Promise<Outcome> {
  const { deps, github } = ctx;
  const change = await timed(ctx, "read", () =>
    readChange(github, job, root, deps.limits),
  );
  signal.throwIfAborted();
  const repo = { owner: job.owner, repo: job.repo };
  const { config, path } = await timed(ctx, "config", () =>
    loadRepoConfig(change.base, repo, (f) => fetchRepoFile(github, f)),
  );
  const gated = await timed(ctx, "gate", () =>
    deps.gate({
      base: change.base,
      head: change.head,
      changes: change.changes,
      config,
      ...(path ? { configPath: path } : {}),
      signal,
    }),
  );
  signal.throwIfAborted();
  const verdict = withArchiveFindings(gated, change);
  const diffMarkdown = diffMarkdownOf(verdict);
  const report = deps.report(verdict, {
    link: blobLink(job),
    ...(diffMarkdown ? { diffMarkdown } : {}),
  });
  const draft = job.pr?.draft ? config.gate.drafts : undefined;
  const result = toCheckResult(verdict, report, change.notes, draft);
  return { verdict, config, change, result };
}

/** Refused archive entries block: a file the gate cannot read fails closed. */
function withArchiveFindings(verdict: Verdict, change: Change): Verdict {
  if (change.findings.length === 0) return verdict;
  const errors = change.findings.length;
  const counts = { ...verdict.summary.counts };
  counts.error += errors;
  return {
    ...verdict,
    conclusion: "failure",
    findings: [...change.findings, ...verdict.findings],
    summary: {
      ...verdict.summary,
      conclusion: "failure",
      counts,
      blocking: verdict.summary.blocking + errors,
    },
  };
}

async function publishToPr(
  job: GateJob,
  ctx: JobContext,
  outcome: Outcome,
  botLogin: string | undefined,
): Promise<void> {
  if (!job.pr) return;
  const target = { owner: job.owner, repo: job.repo };
  const report = outcome.result.summary;
  await bestEffort(ctx, "comment", () =>
    upsertSummaryComment(
      ctx.github,
      target,
      job.pr?.number ?? 0,
      report,
      botLogin,
    ),
  );
  await bestEffort(ctx, "review", () =>
    publishReview(
      ctx.github,
      {
        ...target,
        pull_number: job.pr?.number ?? 0,
        headSha: job.headSha,
        addedLines: outcome.change.addedLines,
        ...(botLogin ? { botLogin } : {}),
      },
      outcome.verdict.findings,
      outcome.config.gate.failOn,
      ctx.log,
    ),
  );
}

/** The check run is the result; comment and review only inform. */
async function bestEffort(
  ctx: JobContext,
  what: string,
  work: () => Promise<unknown>,
): Promise<void> {
  try {
    await timed(ctx, `publish_${what}`, work);
  } catch (err) {
    ctx.log.warn({ err }, `publishing the ${what} failed`);
  }
}

async function timed<T>(
  ctx: JobContext,
  stage: string,
  work: () => Promise<T>,
): Promise<T> {
  const end = ctx.deps.metrics.stageSeconds.startTimer({ stage });
  try {
    return await work();
  } finally {
    end();
  }
}

function record(ctx: JobContext, outcome: Outcome): void {
  const { metrics } = ctx.deps;
  metrics.conclusions.inc({ conclusion: outcome.result.conclusion });
  for (const f of outcome.verdict.findings) {
    metrics.findings.inc({ check: f.check, severity: f.severity });
  }
}

/** The result of a run that another run took over, if it was. */
function abandoned(signal: AbortSignal): CheckResult | undefined {
  const reason: unknown = signal.reason;
  if (reason instanceof SupersededError) return cancelled(reason.newer);
  if (!(reason instanceof ReplacedError)) return undefined;
  return {
    conclusion: "cancelled",
    title: "Replaced by a newer run",
    summary: "A newer run of this commit was started; it holds the result.",
    annotations: [],
  };
}

function cancelled(newer: string): CheckResult {
  return {
    conclusion: "cancelled",
    title: `Superseded by ${newer.slice(0, 7)}`,
    summary: `A newer commit (${newer}) was pushed; its run holds the result.`,
    annotations: [],
  };
}

function blobLink(job: GateJob) {
  return (path: string, line?: number): string =>
    `${job.htmlUrl ?? `https://github.com/${job.owner}/${job.repo}`}` +
    `/blob/${job.headSha}/` +
    `${path.split("/").map(encodeURIComponent).join("/")}` +
    (line ? `#L${line}` : "");
}
