import { describe, expect, it } from "vitest";
import { failureResult } from "../../../src/app/job/failureResult.js";
import { CHECK_TEXT_MAX } from "../../../src/app/publish/limits.js";
import { ConfigError } from "../../../src/config/ConfigError.js";

describe("failureResult", () => {
  it("fails closed and names the error", () => {
    const result = failureResult(new Error("tarball: 502"));
    expect(result.conclusion).toBe("failure");
    expect(result.summary).toContain("Error: tarball: 502");
  });

  it.each([
    ["a long error", new Error(`helm said:\n${"x".repeat(80)}\n`.repeat(2000))],
    [
      "a config with thousands of problems",
      new ConfigError(
        ".github/gitops-gate.yml",
        Array.from({ length: 3000 }, (_, i) => ({
          key: `checks.images.policies.${i}.images`,
          line: i + 1,
          message: "Expected array, received string",
        })),
      ),
    ],
  ])("cuts %s to GitHub's limit, saying so", (_name, err) => {
    const { summary } = failureResult(err);
    expect(summary.length).toBeLessThanOrEqual(CHECK_TEXT_MAX);
    expect(summary).toMatch(/characters \(\d+ lines\) were cut/);
  });
});
