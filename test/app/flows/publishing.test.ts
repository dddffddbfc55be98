import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  findingId,
  findingMarker,
} from "../../../src/app/publish/findingMarker.js";
import { SUMMARY_MARKER } from "../../../src/app/publish/upsertSummaryComment.js";
import type { Finding } from "../../../src/findings/finding.js";
import type { RenderDiff } from "../../../src/render/diff/RenderDiff.js";
import { GitHubDouble } from "../helpers/gitHubDouble.js";
import { examplePayload, pullRequestPayload } from "../helpers/payloads.js";
import { BASE, HEAD, prFacts, simplePr } from "../helpers/simplePr.js";
import { makeTarball } from "../helpers/tarball.js";
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

async function run(
  findings: () => Finding[],
  payload = pullRequestPayload("opened", prFacts(HEAD), 3),
  id = "u-1",
) {
  const app = await testApp(
    testDeps({ gate: async () => verdictOf(findings()) }),
  );
  await app.probot.receive({
    id,
    name: "pull_request",
    payload: payload as never,
  });
  expect(gh.violations).toEqual([]);
  return app;
}

describe("publishing", () => {
  it("sends all 120 annotations in batches of 50 and cuts a long summary with a note", async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({
      ...finding("app.yaml", 1 + (i % 2), `GG-MANY-${i}`),
      message: `${"long text ".repeat(60)} ${i}`,
    }));
    await run(() => many);
    const patches = gh.received.filter((r) => r.method === "PATCH");
    const sizes = patches.map(
      (p) =>
        (
          (p.body as { output: { annotations?: unknown[] } }).output
            .annotations ?? []
        ).length,
    );
    expect(sizes).toEqual([50, 50, 20]);
    const [checkRun] = gh.runsFor(HEAD);
    expect(checkRun?.annotations).toHaveLength(120);
    expect(checkRun?.status).toBe("completed");
    const summary = checkRun?.output.summary ?? "";
    expect(summary.length).toBeLessThanOrEqual(65_535);
  });

  it("says what was cut when the report is over 65,535 characters", async () => {
    const many = Array.from({ length: 400 }, (_, i) => ({
      ...finding("app.yaml", 2, `GG-BIG-${i}`),
      message: "x".repeat(300),
    }));
    const deps = testDeps({
      gate: async () => verdictOf(many),
      report: () => "row\n".repeat(40_000),
    });
    const app = await testApp(deps);
    await app.probot.receive({
      id: "u-2",
      name: "pull_request",
      payload: pullRequestPayload("opened", prFacts(HEAD), 3) as never,
    });
    const summary = gh.runsFor(HEAD)[0]?.output.summary ?? "";
    expect(summary.length).toBeLessThanOrEqual(65_535);
    expect(summary).toMatch(
      /characters \(\d+ lines\) were cut to fit GitHub's limit of 65535/,
    );
    expect(gh.issueComments[0]?.body).toMatch(
      /were cut to fit GitHub's limit of 65536/,
    );
  });

  it("puts the rendered diff, collapsed, in the summary", async () => {
    const diff: RenderDiff = {
      targets: [
        {
          id: "apps/web",
          kind: "kustomize",
          path: "apps/web",
          status: "changed",
          resources: [
            {
              apiVersion: "v1",
              kind: "ConfigMap",
              name: "web",
              change: "changed",
              diff: "-a: 1\n+a: 2",
              masked: false,
            },
          ],
        },
      ],
      summary: { targets: 1, added: 0, changed: 1, removed: 0, failed: 0 },
    };
    const app = await testApp(
      testDeps({ gate: async () => ({ ...verdictOf([]), diff }) }),
    );
    await app.probot.receive({
      id: "u-15",
      name: "pull_request",
      payload: pullRequestPayload("opened", prFacts(HEAD), 3) as never,
    });
    const summary = gh.runsFor(HEAD)[0]?.output.summary ?? "";
    expect(summary).toContain("### Rendered changes");
    expect(summary).toMatch(/<details>[\s\S]*\+a: 2[\s\S]*<\/details>/);
  });

  it("ends a passing draft neutral and a failing draft failed", async () => {
    const draft = pullRequestPayload("opened", prFacts(HEAD), 3);
    draft.pull_request.draft = true;
    await run(() => [], draft, "u-3");
    expect(gh.runsFor(HEAD).map((r) => r.conclusion)).toEqual(["neutral"]);
    const ready = pullRequestPayload("ready_for_review", prFacts(HEAD), 3);
    await run(() => [finding("app.yaml", 2)], ready, "u-4");
    expect(gh.runsFor(HEAD).map((r) => r.conclusion)).toEqual([
      "neutral",
      "failure",
    ]);
  });

  it("fails the check with the file, line and key of an invalid base config", async () => {
    gh.commit(BASE, {
      "app.yaml": "a: 1\n",
      ".github/gitops-gate.yml": "gate:\n  failOn: sometimes\n",
    });
    let gated = 0;
    const app = await testApp(
      testDeps({ gate: async () => ((gated += 1), verdictOf([])) }),
    );
    await app.probot.receive({
      id: "u-5",
      name: "pull_request",
      payload: pullRequestPayload("opened", prFacts(HEAD), 3) as never,
    });
    const [checkRun] = gh.runsFor(HEAD);
    expect(gated).toBe(0);
    expect(checkRun).toMatchObject({
      conclusion: "failure",
      output: { title: "Invalid GitOps Gate config" },
    });
    expect(checkRun?.output.summary).toContain(
      "| `.github/gitops-gate.yml:2` | `gate.failOn` |",
    );
  });

  it("fails closed on archive entries it refused", async () => {
    gh.tarballs.set(
      HEAD,
      makeTarball([
        { path: "x-y-c/", type: "5" },
        { path: "x-y-c/app.yaml", body: "a: 1\nb: 2\n" },
        { path: "x-y-c/leak.yaml", type: "2", linkpath: "../../../etc/passwd" },
      ]),
    );
    await run(() => []);
    const [checkRun] = gh.runsFor(HEAD);
    expect(checkRun?.conclusion).toBe("failure");
    expect(checkRun?.annotations).toEqual([
      expect.objectContaining({
        path: "leak.yaml",
        message:
          "not checked: link leaves the tree\n" +
          "(About the whole file, not line 1: the finding has no line.)",
      }),
    ]);
  });

  it("ignores markers another bot planted in comments", async () => {
    const actions = { login: "github-actions[bot]", type: "Bot" };
    const planted = `${SUMMARY_MARKER}\n# ✅ all clear`;
    gh.issueComments.push({ id: 1, body: planted, user: actions });
    const marker = findingMarker(findingId(finding("app.yaml", 2)));
    gh.reviewComments.push({ id: 2, body: marker, user: actions });
    await run(() => [finding("app.yaml", 2)], undefined, "u-20");
    expect(gh.issueComments.map((c) => [c.user.login, c.body])).toEqual([
      ["github-actions[bot]", planted],
      ["gitops-gate[bot]", expect.stringContaining("GG-TEST")],
    ]);
    expect(gh.reviews).toHaveLength(1);
    const ours = gh.reviewComments.filter((c) => c.user.type === "Bot");
    expect(ours.map((c) => c.user.login)).toEqual([
      "github-actions[bot]",
      "gitops-gate[bot]",
    ]);
  });

  it("re-runs on a base branch change and ignores other edits", async () => {
    await run(() => [], undefined, "u-9");
    const titleEdit = pullRequestPayload("edited", prFacts(HEAD), 3);
    titleEdit.changes = { title: { from: "old" } };
    await run(() => [], titleEdit, "u-10");
    expect(gh.runsFor(HEAD)).toHaveLength(1);
    const baseEdit = pullRequestPayload("edited", prFacts(HEAD), 3);
    baseEdit.changes = {
      base: { ref: { from: "develop" }, sha: { from: "e".repeat(40) } },
    };
    await run(() => [], baseEdit, "u-11");
    expect(gh.runsFor(HEAD)).toHaveLength(2);
  });

  it("reads a fork PR through the base repository only", async () => {
    const fork = pullRequestPayload("opened", prFacts(HEAD), 3);
    fork.pull_request.head.repo = {
      ...fork.repository,
      full_name: "mallory/fork",
      name: "fork",
      owner: { login: "mallory" },
    };
    await run(() => [finding("app.yaml", 2)], fork, "u-14");
    expect(gh.runsFor(HEAD).map((r) => r.conclusion)).toEqual(["failure"]);
    const paths = gh.received.map((r) => r.path);
    expect(
      paths.filter((p) => !/^\/(repos\/Codertocat\/Hello-World|app)\//.test(p)),
    ).toEqual(["/repos/Codertocat/.github/contents/.github%2Fgitops-gate.yml"]);
  });

  it.each([
    ["requested", 1],
    ["rerequested", 2],
  ])(
    "check_suite.%s after the pull_request run: %i runs",
    async (action, runs) => {
      await run(() => [], undefined, "u-12");
      const suite = examplePayload("check_suite", action);
      suite.repository = examplePayload("pull_request", "opened").repository;
      suite.check_suite.head_sha = HEAD;
      suite.check_suite.pull_requests = [
        {
          number: 3,
          id: 1,
          url: "",
          head: { ref: "f", sha: HEAD, repo: suite.repository },
          base: { ref: "main", sha: BASE, repo: suite.repository },
        },
      ];
      const app = await testApp(testDeps({ gate: async () => verdictOf([]) }));
      await app.probot.receive({
        id: "u-13",
        name: "check_suite",
        payload: suite as never,
      });
      expect(gh.violations).toEqual([]);
      expect(gh.runsFor(HEAD)).toHaveLength(runs);
    },
  );

  it.each([
    ["a fork PR (GitHub lists no PR)", HEAD, 1],
    ["a branch push no open PR has", BASE, 0],
  ])("check_suite.rerequested of %s", async (_name, sha, runs) => {
    const suite = examplePayload("check_suite", "rerequested");
    suite.repository = examplePayload("pull_request", "opened").repository;
    Object.assign(suite.check_suite, {
      head_sha: sha,
      head_branch: "fork-feature",
      pull_requests: [],
    });
    const app = await testApp(testDeps({ gate: async () => verdictOf([]) }));
    await app.probot.receive({
      id: "u-15",
      name: "check_suite",
      payload: suite as never,
    });
    expect(gh.violations).toEqual([]);
    expect(gh.runsFor(HEAD)).toHaveLength(runs);
    expect(gh.received.map((r) => r.operation)).toContain(
      "GET /repos/{owner}/{repo}/pulls",
    );
  });

  it("re-runs a merge queue's suite on the group's head", async () => {
    const suite = examplePayload("check_suite", "rerequested");
    suite.repository = examplePayload("pull_request", "opened").repository;
    Object.assign(suite.check_suite, {
      head_sha: HEAD,
      head_branch: `gh-readonly-queue/main/pr-3-${BASE}`,
      pull_requests: [],
    });
    const app = await testApp(testDeps({ gate: async () => verdictOf([]) }));
    await app.probot.receive({
      id: "u-14",
      name: "check_suite",
      payload: suite as never,
    });
    expect(gh.violations).toEqual([]);
    expect(gh.runsFor(HEAD).map((r) => r.conclusion)).toEqual(["success"]);
    expect(gh.issueComments).toEqual([]);
  });
});
