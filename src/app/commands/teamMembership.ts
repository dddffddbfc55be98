import type { GitHub } from "../github/GitHub.js";

/** What GitHub says of a user and one team. */
export type Membership = "member" | "not-member" | "unknown-team";

/** A team as `org` and `slug`. */
export interface TeamRef {
  org: string;
  slug: string;
}

/**
 * `platform` (a team of `owner`), `acme/platform` or `@acme/platform`
 * (as CODEOWNERS writes them) as org and slug. Pure.
 */
export function teamRef(team: string, owner: string): TeamRef {
  const [org, slug] = team.replace(/^@/, "").split("/", 2);
  return slug === undefined
    ? { org: owner, slug: org ?? team }
    : { org: org ?? owner, slug };
}

/**
 * Whether `username` is an active member of a team. GitHub answers 404
 * both for a non-member and for a team it will not show (a typo in
 * `commands.teams`, another org, or an app without Members read), so a
 * 404 asks for the team itself to tell them apart. Other errors throw.
 */
export async function teamMembership(
  github: GitHub,
  { org, slug }: TeamRef,
  username: string,
): Promise<Membership> {
  try {
    const { data } = await github.rest.teams.getMembershipForUserInOrg({
      org,
      team_slug: slug,
      username,
    });
    return data.state === "active" ? "member" : "not-member";
  } catch (err) {
    if (statusOf(err) !== 404) {
      throw new Error(`check ${username} in team ${org}/${slug}`, {
        cause: err,
      });
    }
  }
  try {
    await github.rest.teams.getByName({ org, team_slug: slug });
    return "not-member";
  } catch (err) {
    const status = statusOf(err);
    if (status === 404 || status === 403) return "unknown-team";
    throw new Error(`look up team ${org}/${slug}`, { cause: err });
  }
}

function statusOf(err: unknown): unknown {
  return (err as { status?: unknown }).status;
}
