import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { createNodeMiddleware } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../../src/app/createApp.js";
import { GitHubDouble } from "../helpers/gitHubDouble.js";
import { loadExamplePr } from "../helpers/examples.js";
import { pullRequestPayload } from "../helpers/payloads.js";
import { testApp, testDeps, WEBHOOK_SECRET } from "../helpers/testApp.js";

let gh: GitHubDouble;
let server: Server;
let base = "";

beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  gh = new GitHubDouble();
  gh.install();
  const deps = testDeps();
  const { probot } = await testApp(deps, { load: false });
  const middleware = await createNodeMiddleware(createApp(deps), { probot });
  server = createServer((req, res) => {
    void middleware(req, res, () => res.writeHead(404).end());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise((r) => server.close(r));
  nock.cleanAll();
  nock.enableNetConnect();
});

function deliver(payload: unknown, id: string, secret = WEBHOOK_SECRET) {
  const body = JSON.stringify(payload);
  const signature = createHmac("sha256", secret).update(body).digest("hex");
  return fetch(`${base}/api/github/webhooks`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": id,
      "x-hub-signature-256": `sha256=${signature}`,
    },
  });
}

describe("the app behind Probot's HTTP server", () => {
  it("rejects a bad signature, runs a signed delivery and reports it", async () => {
    const pr = loadExamplePr(gh, "acme", 9);
    const payload = pullRequestPayload("synchronize", pr, 9);

    const forged = await deliver(payload, "s-0", "not-the-secret");
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(forged.status).toBeLessThan(500);
    expect(gh.received).toEqual([]);

    const signed = await deliver(payload, "s-1");
    expect(signed.status).toBe(200);
    expect(gh.violations).toEqual([]);
    const [run, ...more] = gh.runsFor(pr.head);
    expect(more).toEqual([]);
    expect(run).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(run?.annotations.length).toBeGreaterThan(0);
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.reviewComments.length).toBeGreaterThan(0);
    expect(gh.reviewComments.every((c) => c.commit_id === pr.head)).toBe(true);

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain(
      'gitops_gate_deliveries_total{event="pull_request",outcome="ran"} 1',
    );
    expect(metrics).toContain(
      'gitops_gate_check_runs_total{conclusion="failure"} 1',
    );
    expect(metrics).toMatch(
      /gitops_gate_findings_total\{check="secrets",severity="error"\} \d/,
    );
    expect(metrics).toMatch(
      /gitops_gate_stage_duration_seconds_count\{stage="gate"\} 1/,
    );
  });
});
