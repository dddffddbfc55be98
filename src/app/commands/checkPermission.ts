import type { GitHub, RepoRef } from "../github/GitHub.js";
import { teamMembership, teamRef } from "./teamMembership.js";

/**
 * Whether a user may run commands, and what to tell them if not (`why`
 * follows "`/gitops` commands"). `cause` is set when the lookup failed.
 */
export type Permission =
  { allowed: true } | { allowed: false; why: string; cause?: unknown };

const WRITERS = new Set(["admin", "maintain", "write"]);

/**
 * Asks GitHub, at the time of the command, whether `username` has write,
 * maintain or admin permission on the repository, or is an active member
 * of one of the teams (config `commands.teams`, read only when needed):
 * a slug of the owner organisation, or `org/slug` and `@org/slug` as
 * CODEOWNERS writes them. A lookup that fails (a 404 for the user, 5xx
 * after retries, an unreadable config) refuses: commands fail closed.
 */
export async function checkPermission(
  github: GitHub,
  repo: RepoRef,
  username: string,
  teamsOf: () => Promise<readonly string[]>,
): Promise<Permission> {
  try {
    return await lookUp(github, repo, username, teamsOf);
  } catch (cause) {
    const status = statusOf(cause);
    const answered = status ? ` (GitHub answered ${status})` : "";
    return {
      allowed: false,
      why: `were not run: your permission could not be checked${answered}; try again later`,
      cause,
    };
  }
}

async function lookUp(
  github: GitHub,
  repo: RepoRef,
  username: string,
  teamsOf: () => Promise<readonly string[]>,
): Promise<Permission> {
  const { data } = await github.rest.repos.getCollaboratorPermissionLevel({
    ...repo,
    username,
  });
  const role = data.role_name ?? data.permission;
  if (WRITERS.has(role) || WRITERS.has(data.permission)) {
    return { allowed: true };
  }
  // Only now read the config: writers never pay for it.
  const teams = await teamsOf();
  const unknown: string[] = [];
  for (const team of teams) {
    const ref = teamRef(team, repo.owner);
    const membership = await teamMembership(github, ref, username);
    if (membership === "member") return { allowed: true };
    if (membership === "unknown-team") unknown.push(`${ref.org}/${ref.slug}`);
  }
  const viaTeams =
    teams.length > 0 ? ` or membership in ${teams.map(code).join(", ")}` : "";
  const notFound =
    unknown.length > 0
      ? ` (GitHub shows no team ${unknown.map(code).join(", ")}: check \`commands.teams\` and that the app has Members read permission)`
      : "";
  return {
    allowed: false,
    why: `need write, maintain or admin permission${viaTeams}; yours is ${role}${notFound}`,
  };
}

/** The HTTP status of an error or of the first cause that has one. */
function statusOf(err: unknown): number | undefined {
  for (let e = err; e && typeof e === "object"; e = (e as Error).cause) {
    const status = (e as { status?: unknown }).status;
    if (typeof status === "number") return status;
  }
  return undefined;
}

/** In code spans a team is named, not @-mentioned (no notification). */
function code(team: string): string {
  return `\`${team}\``;
}
