import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GateRequest } from "../../../src/gate/runGate.js";
import type { Verdict } from "../../../src/gate/Verdict.js";
import { GitHubDouble } from "../helpers/gitHubDouble.js";
import { pullRequestPayload } from "../helpers/payloads.js";
import { HEAD, NEWER, prFacts, simplePr } from "../helpers/simplePr.js";
import { testApp, testDeps } from "../helpers/testApp.js";
import { finding, verdictOf } from "../helpers/verdict.js";

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

/** A gate that reports which head it saw, after `delayMs`. */
function slowGate(delayMs = 0) {
  return async (request: GateRequest): Promise<Verdict> => {
    await new Promise((r) => setTimeout(r, delayMs));
    return verdictOf([
      finding("app.yaml", 2, `GG-AT-${request.head.rev?.slice(0, 4)}`),
    ]);
  };
}

/**
 * Waits 100 ms and until the run of `sha` exists, so that a loaded
 * machine cannot swap the order of two deliveries a test sends.
 */
async function runStarted(sha: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 100));
  for (let i = 0; i < 250 && gh.runsFor(sha).length === 0; i += 1) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

function opened(head = HEAD, action = "synchronize") {
  return pullRequestPayload(action, prFacts(head), 3) as never;
}

describe("GitHub faults", () => {
  const cases: {
    name: string;
    status: number;
    headers: Record<string, string>;
    message: string;
  }[] = [
    { name: "5xx", status: 502, headers: {}, message: "Bad Gateway" },
    {
      name: "429 rate limit",
      status: 429,
      headers: { "retry-after": "1" },
      message: "Too Many Requests",
    },
    {
      name: "secondary rate limit",
      status: 403,
      headers: { "retry-after": "1" },
      message: "You have exceeded a secondary rate limit. Please wait.",
    },
  ];
  it.each(cases)(
    "retries after $name with backoff",
    async ({ status, headers, message }) => {
      simplePr(gh);
      gh.faults.push({
        method: "POST",
        path: /check-runs$/,
        times: 2,
        reply: { status, body: { message }, headers },
      });
      const { probot, deps } = await testApp(testDeps({ gate: slowGate() }));
      await probot.receive({
        id: "f-1",
        name: "pull_request",
        payload: opened(),
      });
      expect(gh.violations).toEqual([]);
      const posts = gh.received.filter(
        (r) => r.method === "POST" && r.path.endsWith("/check-runs"),
      );
      expect(posts).toHaveLength(3);
      expect(gh.runsFor(HEAD).map((r) => r.conclusion)).toEqual(["failure"]);
      const metrics = await deps.metrics.registry.metrics();
      expect(metrics).toContain(
        `gitops_gate_github_api_errors_total{status="${status}"} 2`,
      );
      const limited = metrics.includes(
        "gitops_gate_github_rate_limited_total{",
      );
      expect(limited).toBe(status !== 502);
    },
  );

  it("times out a hung request and retries it", async () => {
    simplePr(gh);
    gh.faults.push({
      method: "GET",
      path: /\/pulls\/3\/files$/,
      times: 1,
      delayMs: 1500,
    });
    const deps = testDeps({ gate: slowGate() });
    deps.limits.requestTimeoutMs = 300;
    const { probot } = await testApp(deps);
    await probot.receive({
      id: "f-2",
      name: "pull_request",
      payload: opened(),
    });
    expect(
      gh.received.filter((r) => r.path.includes("/pulls/3/files")),
    ).toHaveLength(2);
    expect(gh.runsFor(HEAD).map((r) => r.conclusion)).toEqual(["failure"]);
  });

  it("lets the newer of two pushes 100 ms apart hold the result", async () => {
    const pr = simplePr(gh);
    const { probot } = await testApp(testDeps({ gate: slowGate(300) }));
    const first = probot.receive({
      id: "p-1",
      name: "pull_request",
      payload: opened(HEAD),
    });
    await runStarted(HEAD);
    pr.push();
    const second = probot.receive({
      id: "p-2",
      name: "pull_request",
      payload: opened(NEWER),
    });
    await Promise.all([first, second]);
    expect(gh.violations).toEqual([]);
    expect(gh.runsFor(HEAD).map((r) => [r.conclusion, r.output.title])).toEqual(
      [["cancelled", `Superseded by ${NEWER.slice(0, 7)}`]],
    );
    expect(gh.runsFor(NEWER).map((r) => r.conclusion)).toEqual(["failure"]);
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.issueComments[0]?.body).toContain("GG-AT-dddd");
    expect(gh.issueComments[0]?.body).not.toContain("GG-AT-cccc");
    expect(gh.reviews.map((r) => r.commit_id)).toEqual([NEWER]);
  });

  it("keeps the newer push's result when its event arrives first", async () => {
    simplePr(gh).push();
    const { probot } = await testApp(testDeps({ gate: slowGate(300) }));
    const newer = probot.receive({
      id: "o-1",
      name: "pull_request",
      payload: opened(NEWER),
    });
    await new Promise((r) => setTimeout(r, 100));
    const older = probot.receive({
      id: "o-2",
      name: "pull_request",
      payload: opened(HEAD),
    });
    await Promise.all([newer, older]);
    expect(gh.violations).toEqual([]);
    expect(gh.runsFor(NEWER).map((r) => r.conclusion)).toEqual(["failure"]);
    expect(gh.runsFor(HEAD).map((r) => r.conclusion)).not.toContain("failure");
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.issueComments[0]?.body).toContain("GG-AT-dddd");
    expect(gh.reviews.map((r) => r.commit_id)).toEqual([NEWER]);
  });

  it("lets the newer push win when GitHub's API still shows the older head", async () => {
    const pr = simplePr(gh);
    const { probot } = await testApp(testDeps({ gate: slowGate(300) }));
    const first = probot.receive({
      id: "l-1",
      name: "pull_request",
      payload: opened(HEAD),
    });
    await runStarted(HEAD);
    // The push's webhook arrives before the API reports the new head.
    gh.commit(NEWER, { "app.yaml": "a: 1\nb: 3\n" }, HEAD);
    const second = probot.receive({
      id: "l-2",
      name: "pull_request",
      payload: opened(NEWER),
    });
    await new Promise((r) => setTimeout(r, 100));
    pr.push();
    await Promise.all([first, second]);
    expect(gh.violations).toEqual([]);
    expect(gh.runsFor(HEAD).map((r) => r.conclusion)).toEqual(["cancelled"]);
    expect(gh.runsFor(NEWER).map((r) => r.conclusion)).toEqual(["failure"]);
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.issueComments[0]?.body).toContain("GG-AT-dddd");
  });

  it("runs again on a head whose only run was superseded", async () => {
    const pr = simplePr(gh);
    const { probot } = await testApp(testDeps({ gate: slowGate(300) }));
    const first = probot.receive({
      id: "b-1",
      name: "pull_request",
      payload: opened(HEAD),
    });
    await runStarted(HEAD);
    pr.push();
    await probot.receive({
      id: "b-2",
      name: "pull_request",
      payload: opened(NEWER),
    });
    await first;
    // A force-push back to the first commit.
    gh.pulls.set(3, { ...pr.state(), head: HEAD, commits: [HEAD] });
    await probot.receive({
      id: "b-3",
      name: "pull_request",
      payload: opened(HEAD),
    });
    expect(gh.violations).toEqual([]);
    expect(gh.runsFor(HEAD).map((r) => r.conclusion)).toEqual([
      "cancelled",
      "failure",
    ]);
  });

  it("lets a second run of the same commit replace the first", async () => {
    simplePr(gh);
    const { probot } = await testApp(testDeps({ gate: slowGate(300) }));
    const first = probot.receive({
      id: "s-1",
      name: "pull_request",
      payload: opened(HEAD, "opened"),
    });
    await runStarted(HEAD);
    const second = probot.receive({
      id: "s-2",
      name: "pull_request",
      payload: opened(HEAD, "ready_for_review"),
    });
    await Promise.all([first, second]);
    expect(gh.violations).toEqual([]);
    expect(gh.runsFor(HEAD).map((r) => [r.conclusion, r.output.title])).toEqual(
      [
        ["cancelled", "Replaced by a newer run"],
        ["failure", expect.stringContaining("blocking")],
      ],
    );
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.reviews).toHaveLength(1);
  });

  it("runs a redelivery of a delivery that failed before its check run", async () => {
    simplePr(gh);
    gh.faults.push({
      method: "GET",
      path: /check-runs$/,
      times: 10,
      reply: { status: 500, body: { message: "Server Error" } },
    });
    const { probot } = await testApp(testDeps({ gate: slowGate() }));
    const deliver = () =>
      probot.receive({ id: "e-1", name: "pull_request", payload: opened() });
    await expect(deliver()).rejects.toThrow();
    expect(gh.checkRuns).toEqual([]);
    gh.faults.length = 0;
    await deliver();
    expect(gh.violations).toEqual([]);
    expect(gh.runsFor(HEAD).map((r) => r.conclusion)).toEqual(["failure"]);
  });

  it("drops a redelivery, in this process and after a restart", async () => {
    simplePr(gh);
    const one = await testApp(testDeps({ gate: slowGate() }));
    await one.probot.receive({
      id: "r-1",
      name: "pull_request",
      payload: opened(HEAD, "opened"),
    });
    await one.probot.receive({
      id: "r-1",
      name: "pull_request",
      payload: opened(HEAD, "opened"),
    });
    const restarted = await testApp(testDeps({ gate: slowGate() }));
    await restarted.probot.receive({
      id: "r-1",
      name: "pull_request",
      payload: opened(HEAD, "opened"),
    });
    expect(gh.violations).toEqual([]);
    expect(gh.runsFor(HEAD)).toHaveLength(1);
    expect(gh.issueComments).toHaveLength(1);
  });

  it("fails a run whose gate hangs past the job deadline", async () => {
    simplePr(gh);
    const deps = testDeps({ gate: () => new Promise<never>(() => {}) });
    deps.limits.jobTimeoutMs = 200;
    const { probot } = await testApp(deps);
    await probot.receive({
      id: "t-1",
      name: "pull_request",
      payload: opened(),
    });
    expect(gh.runsFor(HEAD).map((r) => [r.conclusion, r.output.title])).toEqual(
      [["failure", "GitOps Gate timed out"]],
    );
  });

  it("completes the one run a crashed process left in progress", async () => {
    simplePr(gh);
    // The crashed process's checkout stays behind, as after a real crash.
    const scratch = await mkdtemp(join(tmpdir(), "gg-crashed-"));
    const crashed = await testApp(
      testDeps({ gate: () => new Promise<never>(() => {}), tmpRoot: scratch }),
    );
    void crashed.probot.receive({
      id: "x-1",
      name: "pull_request",
      payload: opened(),
    });
    for (let i = 0; i < 100 && gh.runsFor(HEAD).length === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(gh.runsFor(HEAD).map((r) => r.status)).toEqual(["in_progress"]);
    const next = await testApp(testDeps({ gate: slowGate() }));
    await next.probot.receive({
      id: "x-1",
      name: "pull_request",
      payload: opened(),
    });
    expect(gh.violations).toEqual([]);
    expect(gh.runsFor(HEAD).map((r) => [r.status, r.conclusion])).toEqual([
      ["completed", "failure"],
    ]);
    await rm(scratch, { recursive: true, force: true });
  });
});
