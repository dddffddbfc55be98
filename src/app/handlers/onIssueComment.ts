import type { Context } from "probot";
import { checkPermission } from "../commands/checkPermission.js";
import { claimComment } from "../commands/claimComment.js";
import { helpText } from "../commands/helpText.js";
import { parseCommand, type Command } from "../commands/parseCommand.js";
import { ConfigError } from "../../config/ConfigError.js";
import { loadRepoConfig } from "../config/loadRepoConfig.js";
import { apiConfigTree } from "../github/apiConfigTree.js";
import { fetchRepoFile } from "../github/fetchRepoFile.js";
import type { RepoRef } from "../github/GitHub.js";
import type { AppDeps } from "../job/AppDeps.js";
import type { JobContext } from "../job/runJob.js";
import type { GateJob } from "../job/GateJob.js";
import { handleDelivery, type Outcome } from "./handleDelivery.js";
import { jobForPullNumber, startJob } from "./startJob.js";

type CommentContext = Context<"issue_comment.created">;

/**
 * `/gitops` commands in PR comments. Bots are ignored (only `created` is
 * subscribed, so edits never trigger). The comment gets an 👀 reaction;
 * the author's permission is checked through the API before anything
 * runs, and a refusal is a short reply saying why.
 */
export async function onIssueComment(
  context: CommentContext,
  deps: AppDeps,
): Promise<void> {
  await handleDelivery(context, deps, async (ctx) => {
    const { payload } = context;
    const { comment, issue } = payload;
    const user = comment.user;
    if (!issue.pull_request || !user || user.type === "Bot") return "ignored";
    if (payload.sender.type === "Bot") return "ignored";
    const command = parseCommand(comment.body);
    if (!command) return "ignored";
    const repo = {
      owner: payload.repository.owner.login,
      repo: payload.repository.name,
    };
    const claim = await claimComment(
      ctx.github,
      repo,
      comment.id,
      deps.registry,
    );
    if (!claim) {
      ctx.log.info({ comment: comment.id }, "skip: command already handled");
      return "duplicate";
    }
    try {
      return await runCommand(context, ctx, command, user.login);
    } catch (err) {
      await claim.release(ctx.log);
      throw err;
    }
  });
}

/** Checks the author's permission, then runs the command or refuses. */
async function runCommand(
  context: CommentContext,
  ctx: JobContext,
  command: Command,
  login: string,
): Promise<Outcome> {
  const { payload } = context;
  const repo = {
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
  };
  const job = await jobForPullNumber(
    ctx.github,
    payload.repository,
    payload.issue.number,
    context.id,
    "issue_comment.recheck",
  );
  // Read once, and only when needed: by a non-writer's check, or help.
  let teams: Promise<readonly string[]> | undefined;
  const teamsOf = () => (teams ??= commandTeams(ctx, repo, job.baseSha));
  const allowed = await checkPermission(ctx.github, repo, login, teamsOf);
  if (!allowed.allowed) {
    if (allowed.cause) {
      ctx.log.warn({ err: allowed.cause }, "permission unchecked: refused");
    }
    const why = `@${login} \`/gitops\` commands ${allowed.why}.`;
    await reply(context, ctx, why);
    return "refused";
  }
  if (command.name === "recheck") return recheck(context, ctx, job);
  await reply(context, ctx, await answer(command, ctx.deps, teamsOf));
  return "replied";
}

/**
 * `commands.teams` from the base commit's config (org defaults included).
 * An invalid config allows no team: commands then need repository
 * permission, and the check run reports the config error.
 */
async function commandTeams(
  ctx: JobContext,
  repo: RepoRef,
  baseSha: string,
): Promise<readonly string[]> {
  const tree = apiConfigTree(ctx.github, repo, baseSha);
  try {
    const loaded = await loadRepoConfig(tree, repo, (f) =>
      fetchRepoFile(ctx.github, f),
    );
    return loaded.config.commands.teams;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    ctx.log.warn({ err }, "invalid config: no command teams");
    return [];
  }
}

async function recheck(
  context: CommentContext,
  ctx: JobContext,
  job: GateJob,
): Promise<Outcome> {
  const { registry, limits, now } = ctx.deps;
  const key = `${job.owner}/${job.repo}#${job.pr?.number}`;
  if (
    !registry.commandAllowed(key, now().getTime(), limits.commandCooldownMs)
  ) {
    const wait = Math.ceil(limits.commandCooldownMs / 1000);
    await reply(
      context,
      ctx,
      `A recheck ran less than ${wait} s ago; try again shortly.`,
    );
    return "refused";
  }
  return startJob(job, ctx);
}

async function answer(
  command: Command,
  deps: AppDeps,
  teamsOf: () => Promise<readonly string[]>,
): Promise<string> {
  if (command.name !== "explain") {
    const unknown =
      command.name === "unknown"
        ? `Unknown command \`${command.text.replace(/`/g, "'")}\`.\n\n`
        : "";
    return unknown + helpText(await teamsOf());
  }
  const text = await deps.explainRule(command.ruleId);
  return text ?? `No rule \`${command.ruleId}\` in the built-in pack.`;
}

async function reply(
  context: CommentContext,
  ctx: JobContext,
  body: string,
): Promise<void> {
  const { repository, issue } = context.payload;
  await ctx.github.rest.issues.createComment({
    owner: repository.owner.login,
    repo: repository.name,
    issue_number: issue.number,
    body,
  });
}
