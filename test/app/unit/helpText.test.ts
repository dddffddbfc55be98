import { describe, expect, it } from "vitest";
import { helpText } from "../../../src/app/commands/helpText.js";

describe("helpText", () => {
  it("says teams can be allowed when none are", () => {
    expect(helpText([]).split("\n").at(-1)).toBe(
      "Who may run them: users with write, maintain or admin permission on this repository (teams can be allowed with `commands.teams` in `.github/gitops-gate.yml`).",
    );
  });

  it("names teams in code spans, so they are not @-mentioned", () => {
    expect(helpText(["platform", "@acme/ops"])).toContain(
      "or active members of `platform`, `@acme/ops` (`commands.teams`).",
    );
  });
});
