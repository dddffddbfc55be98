import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubDouble } from "../helpers/gitHubDouble.js";
import { examplePayload, type Json } from "../helpers/payloads.js";
import { BASE, HEAD, NEWER, simplePr } from "../helpers/simplePr.js";
import { testApp, testDeps } from "../helpers/testApp.js";
import { verdictOf } from "../helpers/verdict.js";

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

/** A check_run payload (from the examples) for our run on PR #3. */
function checkRunPayload(
  action: string,
  mutate: (p: Json) => void = () => {},
): Json {
  const p = examplePayload("check_run", action);
  p.repository = examplePayload("pull_request", "opened").repository;
  Object.assign(p.check_run, { name: "GitOps Gate", head_sha: HEAD });
  p.check_run.pull_requests = [
    {
      number: 3,
      id: 1,
      url: "",
      head: { ref: "f", sha: HEAD, repo: p.repository },
      base: { ref: "main", sha: BASE, repo: p.repository },
    },
  ];
  mutate(p);
  return p;
}

describe("check_run events", () => {
  it.each([
    [
      "the Re-run button",
      "requested_action",
      (p: Json) => (p.requested_action = { identifier: "recheck" }),
      1,
    ],
    [
      "another action",
      "requested_action",
      (p: Json) => (p.requested_action = { identifier: "lgtm|1" }),
      0,
    ],
    [
      "another app's check",
      "rerequested",
      (p: Json) => (p.check_run.name = "ci/build"),
      0,
    ],
    [
      "a run of a commit no open PR has",
      "rerequested",
      (p: Json) => {
        p.check_run.pull_requests = [];
        p.check_run.head_sha = NEWER;
      },
      0,
    ],
    [
      "a fork PR's run (GitHub lists no PR)",
      "rerequested",
      (p: Json) => (p.check_run.pull_requests = []),
      1,
    ],
    [
      "a fork PR's Re-run button",
      "requested_action",
      (p: Json) => {
        p.check_run.pull_requests = [];
        p.requested_action = { identifier: "recheck" };
      },
      1,
    ],
    [
      "a merge queue's run",
      "rerequested",
      (p: Json) => {
        p.check_run.pull_requests = [];
        p.check_run.check_suite.head_branch = `gh-readonly-queue/main/pr-3-${BASE}`;
      },
      1,
    ],
  ])("%s (%s)", async (_name, action, mutate, runs) => {
    const bases: (string | undefined)[] = [];
    const { probot } = await testApp(
      testDeps({
        gate: async (request) => {
          bases.push(request.base?.rev);
          return verdictOf([]);
        },
      }),
    );
    await probot.receive({
      id: "k-1",
      name: "check_run",
      payload: checkRunPayload(action, mutate) as never,
    });
    expect(gh.violations).toEqual([]);
    expect(gh.runsFor(HEAD)).toHaveLength(runs);
    expect(bases).toEqual(Array(runs).fill(BASE));
    if (runs > 0) {
      expect(gh.runsFor(HEAD)[0]?.actions).toEqual([
        {
          label: "Re-run",
          description: "Run GitOps Gate again",
          identifier: "recheck",
        },
      ]);
    }
  });
});
