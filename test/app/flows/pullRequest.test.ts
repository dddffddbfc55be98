import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Verdict } from "../../../src/gate/Verdict.js";
import { runGate } from "../../../src/gate/runGate.js";
import { SUMMARY_MARKER } from "../../../src/app/publish/upsertSummaryComment.js";
import { GitHubDouble } from "../helpers/gitHubDouble.js";
import { loadExamplePr } from "../helpers/examples.js";
import { examplePayload, pullRequestPayload } from "../helpers/payloads.js";
import { testApp, testDeps } from "../helpers/testApp.js";

let gh: GitHubDouble;

beforeEach(() => {
  nock.disableNetConnect();
  gh = new GitHubDouble();
  gh.install();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

/** The secret values the acme PR leaks: never sent anywhere. */
const LEAKED = [
  ...[
    "QUtJQVozTVNKVjRXV05LUTdUUEw=",
    "d0phbHJYVXRuRkVNSS9LN01ERU5HL2JQeFJmaUNZenE5SHMyTG00VA==",
  ].map((b) => Buffer.from(b, "base64").toString()),
  "ghp_miq6o7msSDZtqGnnTEUZMyLmvMGd3vm0caRM",
];

describe("a pull request on the acme example", () => {
  it("fails with annotations on source lines, one comment, one review; re-runs do not repeat", async () => {
    const pr = loadExamplePr(gh, "acme", 7);
    const verdicts: Verdict[] = [];
    const deps = testDeps({
      gate: async (request) => {
        const v = await runGate(request);
        verdicts.push(v);
        return v;
      },
    });
    const { probot, logs } = await testApp(deps);
    await probot.receive({
      id: "d-1",
      name: "pull_request",
      payload: pullRequestPayload("opened", pr, 7) as never,
    });

    expect(gh.violations).toEqual([]);
    const runs = gh.runsFor(pr.head);
    expect(runs.map((r) => [r.status, r.conclusion])).toEqual([
      ["completed", "failure"],
    ]);
    const verdict = verdicts[0];
    const located = verdict?.findings.filter((f) => f.location.path) ?? [];
    expect(located.length).toBeGreaterThan(0);
    expect(runs[0]?.annotations).toHaveLength(located.length);
    const head = gh.commits.get(pr.head) ?? {};
    for (const a of runs[0]?.annotations ?? []) {
      const lines = (head[String(a.path)] ?? "").split("\n").length;
      expect(Number(a.start_line)).toBeGreaterThanOrEqual(1);
      expect(Number(a.start_line)).toBeLessThanOrEqual(lines);
    }
    expect(runs[0]?.annotations).toContainEqual(
      expect.objectContaining({
        path: "apps/podinfo/overlays/prod/db-credentials.yaml",
        start_line: 7,
        annotation_level: "failure",
      }),
    );

    expect(gh.issueComments).toHaveLength(1);
    expect(gh.issueComments[0]?.body.startsWith(SUMMARY_MARKER)).toBe(true);
    expect(gh.reviews).toHaveLength(1);
    const commented = gh.reviewComments.map((c) => `${c.path}:${c.line}`);
    expect(commented).toContain(
      "apps/podinfo/overlays/prod/db-credentials.yaml:7",
    );
    expect(gh.reviews[0]).toMatchObject({
      commit_id: pr.head,
      event: "COMMENT",
    });

    const sent = JSON.stringify(gh.received.map((r) => r.body));
    for (const secret of LEAKED) expect(sent).not.toContain(secret);
    const logged = JSON.stringify(logs);
    for (const secret of LEAKED) expect(logged).not.toContain(secret);
    expect(logged).not.toContain("ghs_installation_token_never_logged");
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: "github request",
        delivery: "d-1",
        status: 201,
      }),
    );
    const jobLines = logs.filter((l) => l.msg === "run");
    expect(jobLines).toEqual([
      expect.objectContaining({
        delivery: "d-1",
        repo: "Codertocat/Hello-World",
        pr: 7,
        sha: pr.head,
      }),
    ]);

    // The same SHA again (a second automatic trigger): no second run.
    await probot.receive({
      id: "d-2",
      name: "pull_request",
      payload: pullRequestPayload("reopened", pr, 7) as never,
    });
    expect(gh.runsFor(pr.head)).toHaveLength(1);

    // GitHub's re-run button: a new run, the comment updated in place,
    // no review comment repeated.
    const rerun = examplePayload("check_run", "rerequested");
    rerun.repository = examplePayload("pull_request", "opened").repository;
    Object.assign(rerun.check_run, { name: "GitOps Gate", head_sha: pr.head });
    rerun.check_run.pull_requests = [
      {
        number: 7,
        id: 1,
        url: "",
        head: { ref: "f", sha: pr.head, repo: rerun.repository },
        base: { ref: "main", sha: pr.base, repo: rerun.repository },
      },
    ];
    await probot.receive({
      id: "d-3",
      name: "check_run",
      payload: rerun as never,
    });
    expect(gh.violations).toEqual([]);
    expect(gh.runsFor(pr.head).map((r) => r.conclusion)).toEqual([
      "failure",
      "failure",
    ]);
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.reviews).toHaveLength(1);
    expect(gh.reviewComments.map((c) => `${c.path}:${c.line}`)).toEqual(
      commented,
    );
  });
});
