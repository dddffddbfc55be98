import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubDouble } from "../helpers/gitHubDouble.js";
import { loadExamplePr } from "../helpers/examples.js";
import { examplePayload } from "../helpers/payloads.js";
import { testApp } from "../helpers/testApp.js";

let gh: GitHubDouble;

beforeEach(() => {
  nock.disableNetConnect();
  gh = new GitHubDouble("octo-org", "octo-repo");
  gh.install();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("merge_group.checks_requested", () => {
  it("runs the real gate on the group's head against its base", async () => {
    const pr = loadExamplePr(gh, "acme", 104);
    const payload = examplePayload("merge_group", "checks_requested");
    payload.merge_group.head_sha = pr.head;
    payload.merge_group.base_sha = pr.base;
    const { probot } = await testApp();
    await probot.receive({
      id: "m-1",
      name: "merge_group",
      payload: payload as never,
    });

    expect(gh.violations).toEqual([]);
    const [run, ...more] = gh.runsFor(pr.head);
    expect(more).toEqual([]);
    expect(run).toMatchObject({
      name: "GitOps Gate",
      status: "completed",
      conclusion: "failure",
    });
    expect(run?.annotations).toContainEqual(
      expect.objectContaining({
        path: "apps/podinfo/overlays/prod/db-credentials.yaml",
        start_line: 7,
      }),
    );
    // No PR: nothing is commented; the commits came from the compare API.
    expect(gh.issueComments).toEqual([]);
    expect(gh.reviews).toEqual([]);
    expect(gh.received.map((r) => r.operation)).toContain(
      "GET /repos/{owner}/{repo}/compare/{basehead}",
    );
  });

  it("passes a group whose change is clean", async () => {
    const base = "1".repeat(40);
    const head = "2".repeat(40);
    const files = {
      "apps/web/cm.yaml":
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  a: "1"\n',
    };
    gh.commit(base, files);
    gh.commit(
      head,
      {
        ...files,
        "apps/web/cm.yaml": files["apps/web/cm.yaml"].replace('"1"', '"2"'),
      },
      base,
    );
    const payload = examplePayload("merge_group", "checks_requested");
    Object.assign(payload.merge_group, { head_sha: head, base_sha: base });
    const { probot } = await testApp();
    await probot.receive({
      id: "m-2",
      name: "merge_group",
      payload: payload as never,
    });
    expect(gh.violations).toEqual([]);
    expect(gh.runsFor(head).map((r) => r.conclusion)).toEqual(["success"]);
  });
});
