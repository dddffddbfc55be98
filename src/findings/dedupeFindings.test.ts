import { describe, expect, it } from "vitest";
import type { Finding } from "./finding.js";
import { dedupeFindings } from "./dedupeFindings.js";

const base: Finding = {
  check: "policy",
  ruleId: "GG-IMG-002",
  severity: "warning",
  message: "image busybox is not pinned by digest",
  location: { path: "infrastructure/cleanup.yaml", line: 15 },
  resource: { apiVersion: "batch/v1", kind: "CronJob", name: "cleanup" },
};

describe("dedupeFindings", () => {
  it("reports one problem on one line once", () => {
    const got = dedupeFindings([base, { ...base }, { ...base, message: "x" }]);
    expect(got.map((f) => f.message)).toEqual([base.message, "x"]);
  });

  it("keeps the worst copy when targets judge a shared file differently", () => {
    const prod: Finding = { ...base, severity: "error", environment: "prod" };
    const other: Finding = { ...base, location: { path: "a.yaml", line: 1 } };
    const got = dedupeFindings([base, other, prod]);
    expect(got).toEqual([prod, other]);
  });

  it("merges one line's problem across overlays that rename the resource", () => {
    const b = { ...base, resource: { ...base.resource!, name: "dev-cleanup" } };
    expect(dedupeFindings([base, b])).toEqual([base]);
  });
});
