import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubDouble } from "../helpers/gitHubDouble.js";
import { pullRequestPayload } from "../helpers/payloads.js";
import { HEAD, prFacts, simplePr } from "../helpers/simplePr.js";
import { testApp, testDeps } from "../helpers/testApp.js";
import { finding, verdictOf } from "../helpers/verdict.js";

let gh: GitHubDouble;

beforeEach(() => {
  nock.disableNetConnect();
  gh = new GitHubDouble(
    "Codertocat",
    "Hello-World",
    "http://ghe.internal:8080/api/v3",
  );
  gh.install();
  simplePr(gh);
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("GitHub Enterprise Server (GHE_HOST, GHE_PROTOCOL)", () => {
  it("sends every request to the configured host and links to the payload's", async () => {
    const deps = testDeps({
      gate: async () => verdictOf([finding("app.yaml", 2)]),
    });
    const { probot } = await testApp(deps, {
      env: { GHE_HOST: "ghe.internal:8080", GHE_PROTOCOL: "http" },
    });
    const payload = pullRequestPayload("opened", prFacts(HEAD), 3);
    payload.repository.html_url =
      "http://ghe.internal:8080/Codertocat/Hello-World";
    await probot.receive({
      id: "e-1",
      name: "pull_request",
      payload: payload as never,
    });
    expect(gh.violations).toEqual([]);
    expect(gh.received.length).toBeGreaterThan(5);
    expect(gh.runsFor(HEAD).map((r) => r.conclusion)).toEqual(["failure"]);
    expect(gh.issueComments[0]?.body).toContain(
      `http://ghe.internal:8080/Codertocat/Hello-World/blob/${HEAD}/app.yaml#L2`,
    );
  });
});
