/** The reply to `/gitops help` (and to an unknown command). */
export const HELP_TEXT = [
  "**GitOps Gate commands** (write, maintain or admin permission, or a team",
  "named in `commands.teams` of the config):",
  "",
  "- `/gitops recheck`: run the gate again on the PR's head commit",
  "- `/gitops explain <rule-id>`: what a rule checks and how to fix it",
  "- `/gitops help`: this list",
].join("\n");
