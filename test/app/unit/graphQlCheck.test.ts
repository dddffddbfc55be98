import { describe, expect, it } from "vitest";
import { checkGraphQl, executeGraphQl } from "../helpers/graphQl.js";

describe("checkGraphQl (GitHub's published schema)", () => {
  it("accepts the thread mutation and names it", () => {
    const check = checkGraphQl({
      query:
        "mutation ($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id } } }",
      variables: { id: "PRRT_1" },
    });
    expect(check).toMatchObject({
      operation: "mutation resolveReviewThread",
      errors: [],
    });
  });

  it.each([
    [
      '{ repository(owner: "o", name: "r") { reviewThreads { id } } }',
      /reviewThreads/,
    ],
    [
      'mutation { resolveReviewThread(threadId: "x") { thread { id } } }',
      /threadId/,
    ],
    ["{ viewer { login ", /Syntax Error/],
  ])("rejects %s", (query, message) => {
    expect(checkGraphQl({ query }).errors.join("\n")).toMatch(message);
  });

  it("reports variables of the wrong type when executed", async () => {
    const check = checkGraphQl({
      query:
        'query ($n: Int!) { repository(owner: "o", name: "r") { pullRequest(number: $n) { id } } }',
    });
    if (!("document" in check)) throw new Error(check.errors.join());
    const result = await executeGraphQl(check.document, { n: "three" }, {});
    expect(result.errors?.join()).toMatch(/\$n/);
  });
});
