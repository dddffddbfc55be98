import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubDouble } from "../helpers/gitHubDouble.js";
import { commentPayload } from "../helpers/payloads.js";
import { testApp, testDeps, type TestApp } from "../helpers/testApp.js";
import { verdictOf } from "../helpers/verdict.js";

const BASE = "b".repeat(40);
const HEAD = "c".repeat(40);
let gh: GitHubDouble;
let gateRuns = 0;

beforeEach(() => {
  nock.disableNetConnect();
  gh = new GitHubDouble();
  gh.install();
  gh.commit(BASE, { "app.yaml": "a: 1\n" });
  gh.commit(HEAD, { "app.yaml": "a: 2\n" }, BASE);
  gh.pulls.set(3, {
    number: 3,
    draft: false,
    base: BASE,
    head: HEAD,
    commits: [HEAD],
  });
  gh.permissions.set("writer", "write");
  gateRuns = 0;
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

/** A fresh process (no memory of earlier deliveries) unless `app` given. */
async function deliver(id: string, body = "/gitops recheck", app?: TestApp) {
  const target =
    app ??
    (await testApp(
      testDeps({ gate: async () => ((gateRuns += 1), verdictOf([])) }),
    ));
  target.deps.limits.commandCooldownMs = 0;
  await target.probot.receive({
    id,
    name: "issue_comment",
    payload: commentPayload(body, "writer", 3) as never,
  });
  expect(gh.violations).toEqual([]);
  return target;
}

describe("redelivered commands", () => {
  it.each([
    ["the same delivery id", "r-1"],
    ["another delivery id", "r-2"],
  ])("run once for %s in one process", async (_name, second) => {
    const app = await deliver("r-1");
    await deliver(second, "/gitops recheck", app);
    expect(gateRuns).toBe(1);
    expect(gh.reactions).toHaveLength(1);
    expect(gh.checkRuns).toHaveLength(1);
  });

  it("run once after a restart: the app's 👀 says it was handled", async () => {
    await deliver("r-3", "/gitops help");
    await deliver("r-3", "/gitops help");
    await deliver("r-4");
    expect(gh.reactions).toHaveLength(1);
    expect(gh.issueComments).toHaveLength(1);
    expect(gateRuns).toBe(0);
  });

  it("run on redelivery after a failure, which took the 👀 back", async () => {
    gh.faults.push({
      method: "GET",
      path: /\/pulls\/3$/,
      times: 10,
      reply: { status: 502, body: { message: "Bad Gateway" } },
    });
    const app = await deliver("r-5").catch(() => undefined);
    expect(app).toBeUndefined();
    expect(gh.reactions).toEqual([]);
    gh.faults.length = 0;
    await deliver("r-5");
    expect(gateRuns).toBe(1);
    expect(gh.reactions).toHaveLength(1);
  });
});
