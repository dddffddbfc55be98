import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubDouble } from "../helpers/gitHubDouble.js";
import { commentPayload, type Json } from "../helpers/payloads.js";
import { testApp, testDeps, type TestApp } from "../helpers/testApp.js";
import { finding, verdictOf } from "../helpers/verdict.js";

const BASE = "b".repeat(40);
const HEAD = "c".repeat(40);
let gh: GitHubDouble;
let app: TestApp;
let gateRuns = 0;

beforeEach(async () => {
  nock.disableNetConnect();
  gh = new GitHubDouble();
  gh.install();
  gh.commit(BASE, { "app.yaml": "a: 1\n" });
  gh.commit(HEAD, { "app.yaml": "a: 1\nb: 2\n" }, BASE);
  gh.pulls.set(3, {
    number: 3,
    draft: false,
    base: BASE,
    head: HEAD,
    commits: [HEAD],
  });
  gh.permissions.set("writer", "write");
  gh.permissions.set("maintainer", "maintain");
  gh.permissions.set("reader", "read");
  gateRuns = 0;
  const deps = testDeps({
    gate: async () => {
      gateRuns += 1;
      return verdictOf([finding("app.yaml", 2)]);
    },
  });
  deps.limits.commandCooldownMs = 0;
  app = await testApp(deps);
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

async function comment(
  body: string,
  login: string,
  id: string,
  commentId = 777,
) {
  await app.probot.receive({
    id,
    name: "issue_comment",
    payload: commentPayload(body, login, 3, commentId) as never,
  });
}

describe("/gitops commands", () => {
  it("refuses a reader with a short reply and runs nothing", async () => {
    await comment("/gitops recheck", "reader", "c-1");
    expect(gh.violations).toEqual([]);
    expect(gateRuns).toBe(0);
    expect(gh.checkRuns).toEqual([]);
    expect(gh.reactions).toEqual([
      { id: expect.any(Number), comment: 777, content: "eyes" },
    ]);
    expect(gh.issueComments.map((c) => c.body)).toEqual([
      "@reader `/gitops` commands need write, maintain or admin permission; yours is read.",
    ]);
  });

  it.each(["writer", "maintainer"])("re-runs for a %s", async (login) => {
    await comment("please\n/gitops recheck\n", login, "c-2");
    expect(gh.violations).toEqual([]);
    expect(gateRuns).toBe(1);
    expect(gh.runsFor(HEAD).map((r) => r.conclusion)).toEqual(["failure"]);
    await comment("/gitops recheck", login, "c-3", 778);
    expect(gh.runsFor(HEAD)).toHaveLength(2);
  });

  it("runs one recheck for a flood of comments", async () => {
    const flood = await testApp(
      testDeps({
        gate: async () => {
          gateRuns += 1;
          return verdictOf([]);
        },
      }),
    );
    for (const [i, id] of ["f-1", "f-2", "f-3"].entries()) {
      await flood.probot.receive({
        id,
        name: "issue_comment",
        payload: commentPayload(
          "/gitops recheck",
          "writer",
          3,
          800 + i,
        ) as never,
      });
    }
    expect(gateRuns).toBe(1);
    expect(gh.issueComments.map((c) => c.body)).toEqual([
      expect.stringContaining("# ✅ GitOps Gate"),
      "A recheck ran less than 30 s ago; try again shortly.",
      "A recheck ran less than 30 s ago; try again shortly.",
    ]);
  });

  it.each(["platform", "Codertocat/platform", "@Codertocat/platform"])(
    "lets a member of a configured team (%s) run commands",
    async (team) => {
      gh.commit(BASE, {
        ".github/gitops-gate.yml": `commands:\n  teams: ["${team}"]\n`,
      });
      gh.teams.set("platform", new Set(["reader"]));
      await comment("/gitops recheck", "reader", "c-4");
      expect(gh.violations).toEqual([]);
      expect(gateRuns).toBe(1);
      expect(gh.received.map((r) => r.path)).toContainEqual(
        expect.stringContaining("/orgs/Codertocat/teams/platform/memberships/"),
      );
    },
  );

  it("says which configured team GitHub does not show", async () => {
    gh.commit(BASE, {
      ".github/gitops-gate.yml":
        "commands:\n  teams: [platform, acme/ghosts]\n",
    });
    gh.teams.set("platform", new Set(["someone-else"]));
    await comment("/gitops recheck", "reader", "t-404");
    expect(gh.violations).toEqual([]);
    expect(gateRuns).toBe(0);
    expect(gh.issueComments.map((c) => c.body)).toEqual([
      "@reader `/gitops` commands need write, maintain or admin permission or membership in `platform`, `acme/ghosts`; yours is read (GitHub shows no team `acme/ghosts`: check `commands.teams` and that the app has Members read permission).",
    ]);
  });

  it("refuses a team member when the base config is invalid", async () => {
    gh.commit(BASE, {
      ".github/gitops-gate.yml": "commands:\n  teams: platform\n",
    });
    gh.teams.set("platform", new Set(["reader"]));
    await comment("/gitops recheck", "reader", "c-9");
    expect(gh.violations).toEqual([]);
    expect(gateRuns).toBe(0);
    expect(gh.issueComments.map((c) => c.body)).toEqual([
      "@reader `/gitops` commands need write, maintain or admin permission; yours is read.",
    ]);
  });

  it.each([404, 502])(
    "refuses when the permission lookup answers %i",
    async (status) => {
      gh.faults.push({
        method: "GET",
        path: /\/collaborators\/writer\/permission$/,
        times: 10,
        reply: { status, body: { message: "nope" } },
      });
      await comment("/gitops recheck", "writer", `p-${status}`);
      expect(gh.violations).toEqual([]);
      expect(gateRuns).toBe(0);
      expect(gh.checkRuns).toEqual([]);
      expect(gh.issueComments.map((c) => c.body)).toEqual([
        `@writer \`/gitops\` commands were not run: your permission could not be checked (GitHub answered ${status}); try again later.`,
      ]);
      const warned = app.logs.filter((l) => l.level === 40);
      expect(warned.map((l) => l.msg)).toContain(
        "permission unchecked: refused",
      );
    },
  );

  it("refuses when a team lookup fails", async () => {
    gh.commit(BASE, {
      ".github/gitops-gate.yml": "commands:\n  teams: [platform]\n",
    });
    gh.faults.push({
      method: "GET",
      path: /\/teams\/platform\/memberships\//,
      times: 10,
      reply: { status: 500, body: { message: "boom" } },
    });
    await comment("/gitops recheck", "reader", "t-500");
    expect(gh.violations).toEqual([]);
    expect(gateRuns).toBe(0);
    expect(gh.issueComments.map((c) => c.body)).toEqual([
      expect.stringContaining("could not be checked (GitHub answered 500)"),
    ]);
  });

  it("lists the commands and who may run them, teams included", async () => {
    gh.commit(BASE, {
      ".github/gitops-gate.yml":
        'commands:\n  teams: ["@Codertocat/platform"]\n',
    });
    await comment("/gitops help", "writer", "h-1");
    expect(gh.violations).toEqual([]);
    const [help] = gh.issueComments.map((c) => c.body);
    for (const command of ["recheck", "explain <rule-id>", "help"]) {
      expect(help).toContain(`\`/gitops ${command}\``);
    }
    expect(help).toContain(
      "Who may run them: users with write, maintain or admin permission on this repository, or active members of `@Codertocat/platform` (`commands.teams`).",
    );
  });

  it("answers help and explain for writers", async () => {
    await comment("/gitops help", "writer", "c-5", 1);
    await comment("/gitops explain GG-IMG-001", "writer", "c-6", 2);
    await comment("/gitops explain NOPE-1", "writer", "c-7", 3);
    expect(gh.violations).toEqual([]);
    const [help, explain, unknown] = gh.issueComments.map((c) => c.body);
    expect(help).toContain("/gitops recheck");
    expect(explain).toContain("**GG-IMG-001**");
    expect(explain).toContain("Fix:");
    expect(unknown).toBe("No rule `NOPE-1` in the built-in pack.");
    expect(gateRuns).toBe(0);
  });

  it.each([
    ["a bot", (p: Json) => Object.assign(p.comment.user, { type: "Bot" })],
    ["an issue, not a PR", (p: Json) => delete p.issue.pull_request],
    ["no command", (p: Json) => (p.comment.body = "LGTM, /gitops later")],
  ])("ignores %s without a single request", async (_name, mutate) => {
    const payload = commentPayload("/gitops recheck", "writer", 3);
    mutate(payload);
    await app.probot.receive({
      id: "c-8",
      name: "issue_comment",
      payload: payload as never,
    });
    expect(gh.received).toEqual([]);
  });
});
