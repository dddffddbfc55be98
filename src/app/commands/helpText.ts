/**
 * The reply to `/gitops help` (and under an unknown command): the commands
 * and who may run them here, naming the teams of `commands.teams`. Pure.
 * @example helpText(["@acme/platform"]) // "... or active members of @acme/platform ..."
 */
export function helpText(teams: readonly string[]): string {
  const who =
    teams.length > 0
      ? `, or active members of ${teams.map((t) => `\`${t}\``).join(", ")} (\`commands.teams\`)`
      : " (teams can be allowed with `commands.teams` in `.github/gitops-gate.yml`)";
  return [
    "**GitOps Gate commands**",
    "",
    "- `/gitops recheck`: run the gate again on the PR's head commit",
    "- `/gitops explain <rule-id>`: what a rule checks and how to fix it",
    "- `/gitops help`: this list",
    "",
    `Who may run them: users with write, maintain or admin permission on this repository${who}.`,
  ].join("\n");
}
