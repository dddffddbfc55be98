/** The author of a comment as the REST API reports it. */
export interface CommentUser {
  login: string;
  type: string;
}

/**
 * Tells the app's own comments from everyone else's. The markers are
 * plain text any bot could post (a workflow's `github-actions[bot]`, say),
 * so the app's login (`<slug>[bot]`, from its check run) decides; without
 * it, any bot account counts, as users cannot post as one. Pure.
 * @example byApp("gitops-gate[bot]")({ login: "renovate[bot]", type: "Bot" }) // false
 */
export function byApp(
  botLogin: string | undefined,
): (user: CommentUser | null | undefined) => boolean {
  return (user) =>
    user?.type === "Bot" && (botLogin === undefined || user.login === botLogin);
}

/** The bot login of an app slug: what GitHub shows as the author. */
export function botLoginOf(slug: string | undefined): string | undefined {
  return slug ? `${slug}[bot]` : undefined;
}
