import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Finding } from "../../../src/findings/finding.js";
import { GitHubDouble } from "../helpers/gitHubDouble.js";
import { pullRequestPayload, type Json } from "../helpers/payloads.js";
import { BASE, HEAD, NEWER, prFacts, simplePr } from "../helpers/simplePr.js";
import { testApp, testDeps } from "../helpers/testApp.js";
import { finding, verdictOf } from "../helpers/verdict.js";

let gh: GitHubDouble;

beforeEach(() => {
  nock.disableNetConnect();
  gh = new GitHubDouble();
  gh.install();
  simplePr(gh);
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

async function run(findings: Finding[], payload: Json, id: string) {
  const app = await testApp(
    testDeps({ gate: async () => verdictOf(findings) }),
  );
  await app.probot.receive({
    id,
    name: "pull_request",
    payload: payload as never,
  });
  expect(gh.violations).toEqual([]);
  return app;
}

/** A finding on HEAD, fixed by NEWER, then the base edited (a third run). */
async function fixAndRerun() {
  await run(
    [finding("app.yaml", 2)],
    pullRequestPayload("opened", prFacts(HEAD), 3),
    "f-1",
  );
  expect(gh.reviewComments).toHaveLength(1);
  gh.commit(NEWER, { "app.yaml": "a: 1\nb: 4\n" }, HEAD);
  gh.pulls.set(3, {
    number: 3,
    draft: false,
    base: BASE,
    head: NEWER,
    commits: [HEAD, NEWER],
  });
  await run([], pullRequestPayload("synchronize", prFacts(NEWER), 3), "f-2");
  const rebased = pullRequestPayload("edited", prFacts(NEWER), 3);
  rebased.changes = { base: { ref: { from: "develop" }, sha: { from: BASE } } };
  return run([], rebased, "f-3");
}

const replies = () =>
  gh.reviewComments.filter((c) => c.in_reply_to_id !== undefined);
const graphQl = () =>
  gh.received
    .filter((r) => r.path.endsWith("/graphql"))
    .map((r) => r.operation);

describe("review threads of fixed findings", () => {
  it("resolves the app's thread once, with no reply", async () => {
    await fixAndRerun();
    const [comment] = gh.reviewComments;
    expect([...gh.resolvedThreads]).toEqual([comment?.id]);
    expect(replies()).toEqual([]);
    expect(graphQl()).toEqual([
      "query repository",
      "mutation resolveReviewThread",
      "query repository",
    ]);
  });

  it("replies once instead when resolving is forbidden", async () => {
    gh.faults.push({
      method: "POST",
      path: /resolveReviewThread/,
      times: 10,
      reply: {
        status: 200,
        body: {
          data: { resolveReviewThread: null },
          errors: [
            {
              type: "FORBIDDEN",
              path: ["resolveReviewThread"],
              message: "Resource not accessible by integration",
            },
          ],
        },
      },
    });
    const app = await fixAndRerun();
    expect(gh.resolvedThreads.size).toBe(0);
    expect(replies().map((c) => c.body)).toEqual([
      expect.stringContaining(`No longer found at ${NEWER.slice(0, 7)}`),
    ]);
    expect(app.logs.map((l) => l.msg)).toContain(
      "resolving a thread failed: replying",
    );
  });

  it("replies once instead when the threads cannot be listed", async () => {
    gh.faults.push({
      method: "POST",
      path: /#query repository/,
      times: 20,
      reply: { status: 502, body: { message: "Bad Gateway" } },
    });
    await fixAndRerun();
    expect(gh.resolvedThreads.size).toBe(0);
    expect(replies()).toHaveLength(1);
  });

  it("leaves a thread a reviewer resolved alone", async () => {
    await run(
      [finding("app.yaml", 2)],
      pullRequestPayload("opened", prFacts(HEAD), 3),
      "f-4",
    );
    const [comment] = gh.reviewComments;
    gh.resolvedThreads.add(comment?.id ?? 0);
    const rebased = pullRequestPayload("edited", prFacts(HEAD), 3);
    rebased.changes = { base: { sha: { from: BASE } } };
    await run([], rebased, "f-5");
    expect(graphQl()).toEqual(["query repository"]);
    expect(replies()).toEqual([]);
  });
});
