import type { Finding } from "../../src/findings/finding.js";
import { judge } from "../../src/gate/judge.js";
import type { Verdict } from "../../src/gate/Verdict.js";

/** Builds a verdict from findings through the real judge. */
export function verdictOf(findings: Finding[], touched = 1): Verdict {
  const j = judge(
    findings,
    { failOn: "error", newFindingsOnly: false, drafts: "neutral" },
    touched,
  );
  return {
    conclusion: j.conclusion,
    findings: j.findings,
    summary: {
      conclusion: j.conclusion,
      reason: j.reason,
      counts: j.counts,
      byCheck: j.byCheck,
      blocking: j.blocking,
      targets: [
        {
          id: "kustomize:apps/web/overlays/prod",
          kind: "kustomize",
          path: "apps/web/overlays/prod",
          environment: "prod",
          ok: true,
          resources: 3,
        },
      ],
      changedPaths: 2,
      durationMs: 5,
    },
  };
}

/** A finding with defaults, overridable. */
export function finding(over: Partial<Finding> = {}): Finding {
  return {
    check: "schema",
    ruleId: "schema/unknown-field",
    severity: "error",
    message: "unknown field spec.template.spec.containers[0].imagePullPolcy",
    location: { path: "apps/web/overlays/prod/patch.yaml", line: 12 },
    resource: { apiVersion: "apps/v1", kind: "Deployment", name: "web" },
    ...over,
  };
}
