import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Verdict } from "../../../src/gate/Verdict.js";
import { runGate } from "../../../src/gate/runGate.js";
import { fakeChars } from "../../../src/checks/secrets/testing/fakeSecrets.js";
import { GitHubDouble } from "../helpers/gitHubDouble.js";
import { pullRequestPayload } from "../helpers/payloads.js";
import { testApp, testDeps } from "../helpers/testApp.js";

const BASE = "1".repeat(40);
const ADD = "2".repeat(40);
const REMOVE = "3".repeat(40);
const PASSWORD = `Pw-${fakeChars("flow-ctx", 14)}`;

const deployment = (env: string) =>
  [
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata: { name: web }",
    "spec:",
    "  template:",
    "    spec:",
    "      containers:",
    "        - name: web",
    "          image: nginx:1.27",
    env,
  ].join("\n") + "\n";

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

describe("history read in context through the contents API", () => {
  it("finds an env password a commit added and the next removed", async () => {
    const withEnv =
      "          env:\n" +
      "            - name: DB_PASSWORD\n" +
      `              value: ${PASSWORD}`;
    gh.commit(BASE, { "web.yaml": deployment("") });
    gh.commit(ADD, { "web.yaml": deployment(withEnv) }, BASE);
    gh.commit(REMOVE, { "web.yaml": deployment("") }, ADD);
    const pr = { base: BASE, head: REMOVE, commits: [ADD, REMOVE] };
    gh.pulls.set(5, { number: 5, draft: false, ...pr });
    const verdicts: Verdict[] = [];
    const deps = testDeps({
      gate: async (request) => {
        const v = await runGate(request);
        verdicts.push(v);
        return v;
      },
    });
    const { probot } = await testApp(deps);
    await probot.receive({
      id: "d-ctx",
      name: "pull_request",
      payload: pullRequestPayload("opened", pr, 5) as never,
    });
    const secrets = verdicts[0]?.findings.filter((f) => f.check === "secrets");
    expect(secrets?.map((f) => [f.ruleId, f.location])).toEqual([
      ["gg:credential-value", { path: "web.yaml" }],
    ]);
    expect(secrets?.[0]?.message).toContain(
      `${ADD.slice(0, 12)} at web.yaml:12`,
    );
    expect(JSON.stringify(gh.checkRuns)).not.toContain(PASSWORD);
    expect(gh.violations).toEqual([]);
  });
});
