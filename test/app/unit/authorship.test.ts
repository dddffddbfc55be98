import { describe, expect, it } from "vitest";
import { botLoginOf, byApp } from "../../../src/app/publish/authorship.js";

describe("byApp", () => {
  const cases: [string | undefined, string, string, boolean][] = [
    ["gitops-gate[bot]", "gitops-gate[bot]", "Bot", true],
    ["gitops-gate[bot]", "github-actions[bot]", "Bot", false],
    ["gitops-gate[bot]", "gitops-gate[bot]", "User", false],
    [undefined, "github-actions[bot]", "Bot", true],
    [undefined, "octocat", "User", false],
  ];
  it.each(cases)("app %s, author %s (%s) → %s", (app, login, type, mine) => {
    expect(byApp(app)({ login, type })).toBe(mine);
  });

  it("ignores comments without an author", () => {
    expect(byApp(undefined)(null)).toBe(false);
  });

  it("builds the login from the slug", () => {
    expect(botLoginOf("gitops-gate")).toBe("gitops-gate[bot]");
    expect(botLoginOf(undefined)).toBeUndefined();
  });
});
