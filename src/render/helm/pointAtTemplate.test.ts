import { describe, expect, it } from "vitest";
import type { Finding } from "../../findings/finding.js";
import { pointAtTemplate } from "./pointAtTemplate.js";

const failure = (message: string): Finding => ({
  check: "render",
  ruleId: "render/failed",
  severity: "error",
  message,
  location: { path: "argocd/api.yaml" },
});

describe("pointAtTemplate", () => {
  it("points at the template line helm names", () => {
    const f = pointAtTemplate(
      failure(
        "helm failed: Error: execution error at " +
          "(api/templates/deployment.yaml:4:11): dbHost is required",
      ),
      "charts/api",
    );
    expect(f.location).toEqual({
      path: "charts/api/templates/deployment.yaml",
      line: 4,
    });
    expect(f.message).toContain("(rendered for argocd/api.yaml)");
  });

  it("keeps failures that name no template", () => {
    const f = failure("helm failed: values file not found");
    expect(pointAtTemplate(f, "charts/api")).toBe(f);
  });
});
