import { describe, expect, it } from "vitest";
import {
  findingId,
  markedFinding,
} from "../../../src/app/publish/findingMarker.js";
import { COMMENT_MAX } from "../../../src/app/publish/limits.js";
import { planReview } from "../../../src/app/publish/planReview.js";
import type { Finding } from "../../../src/findings/finding.js";
import { fakeSecrets } from "../../../src/checks/secrets/testing/fakeSecrets.js";
import { runSecrets } from "../../../src/checks/secrets/testing/runSecrets.js";
import type { CommitPatch } from "../../../src/workspace/ChangeSet.js";

function f(
  path: string,
  line: number | undefined,
  severity: Finding["severity"] = "error",
  ruleId = "R-1",
): Finding {
  return {
    check: "policy",
    ruleId,
    severity,
    message: `${ruleId} at ${path}`,
    location: line ? { path, line } : { path },
  };
}

function commit(path: string, line: number, text: string): CommitPatch {
  return {
    sha: "c".repeat(40),
    subject: "s",
    added: [{ path, line, text }],
    deleted: [],
  };
}

const added = new Map([["a.yaml", new Set([2, 3])]]);

describe("planReview", () => {
  it("never comments a history-only secret, even if its old line is added", async () => {
    const findings = await runSecrets({
      head: { "a.yaml": "replicas: 1\nreplicas: 2\n" },
      changes: {
        all: false,
        paths: ["a.yaml"],
        commits: [
          commit("a.yaml", 2, `token: ${fakeSecrets("review").githubToken}`),
          commit("a.yaml", 2, "replicas: 2"),
        ],
      },
    });
    expect(findings).toHaveLength(1);
    const plan = planReview({
      findings,
      failOn: "error",
      addedLines: added,
      posted: new Set(),
    });
    expect(plan.comments).toEqual([]);
  });

  it("comments blocking findings on added lines only", () => {
    const plan = planReview({
      findings: [
        f("a.yaml", 2),
        f("a.yaml", 9, "error", "R-2"),
        f("b.yaml", 2, "error", "R-3"),
        f("a.yaml", 3, "warning", "R-4"),
        f("a.yaml", undefined, "error", "R-5"),
      ],
      failOn: "error",
      addedLines: added,
      posted: new Set(),
    });
    expect(plan.comments.map((c) => `${c.path}:${c.line}`)).toEqual([
      "a.yaml:2",
    ]);
    expect(plan.comments[0]?.body).toContain(
      `<!-- gitops-gate:finding:${findingId(f("a.yaml", 2))} -->`,
    );
    expect(plan.fixed).toEqual([]);
  });

  it("warnings block when failOn is warning, nothing blocks on never", () => {
    const findings = [f("a.yaml", 3, "warning")];
    expect(
      planReview({
        findings,
        failOn: "warning",
        addedLines: added,
        posted: new Set(),
      }).comments,
    ).toHaveLength(1);
    expect(
      planReview({
        findings,
        failOn: "never",
        addedLines: added,
        posted: new Set(),
      }).comments,
    ).toHaveLength(0);
  });

  it("does not repeat a posted finding and reports gone ones as fixed", () => {
    const kept = f("a.yaml", 2);
    const plan = planReview({
      findings: [kept],
      failOn: "error",
      addedLines: added,
      posted: new Set([findingId(kept), "0123456789abcdef"]),
    });
    expect(plan.comments).toEqual([]);
    expect(plan.fixed).toEqual(["0123456789abcdef"]);
  });

  it("caps comments at 50 and counts the rest", () => {
    const lines = new Map([
      ["a.yaml", new Set(Array.from({ length: 60 }, (_, i) => i + 1))],
    ]);
    const findings = Array.from({ length: 60 }, (_, i) =>
      f("a.yaml", i + 1, "error", `R-${i}`),
    );
    const plan = planReview({
      findings,
      failOn: "error",
      addedLines: lines,
      posted: new Set(),
    });
    expect(plan.comments).toHaveLength(50);
    expect(plan.overflow).toBe(10);
  });

  it("escapes markup and mentions from finding text", () => {
    const hostile = { ...f("a.yaml", 2), message: "<img src=x> @org/admins" };
    const [c] = planReview({
      findings: [hostile],
      failOn: "error",
      addedLines: added,
      posted: new Set(),
    }).comments;
    expect(c?.body).not.toContain("<img");
    expect(c?.body).not.toContain("@org");
  });

  it("cuts a huge message to GitHub's limit and keeps the marker", () => {
    const huge = { ...f("a.yaml", 2), message: "word\n".repeat(20_000) };
    const [comment] = planReview({
      findings: [huge],
      failOn: "error",
      addedLines: added,
      posted: new Set(),
    }).comments;
    expect(comment?.body.length).toBeLessThanOrEqual(COMMENT_MAX);
    expect(comment?.body).toContain("were cut to fit");
    expect(markedFinding(comment?.body ?? "")).toBe(findingId(huge));
  });
});
