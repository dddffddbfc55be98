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

  it.each([
    [
      "Error: api/templates/cm.yaml:6:15\n  executing ... nil pointer",
      { path: "charts/api/templates/cm.yaml", line: 6 },
    ],
    [
      "Error: parse error at (api/templates/cm.yaml:7): unclosed action",
      { path: "charts/api/templates/cm.yaml", line: 7 },
    ],
    [
      "Error: YAML parse error on api/templates/cm.yaml: yaml: line 5: bad",
      { path: "charts/api/templates/cm.yaml" },
    ],
    [
      "Error: execution error at (api/charts/db/templates/s.yaml:3:2): x",
      { path: "charts/api/charts/db/templates/s.yaml", line: 3 },
    ],
  ])("reads helm's form %j", (message, location) => {
    const f = pointAtTemplate(failure(`helm failed: ${message}`), "charts/api");
    expect(f.location).toEqual(location);
  });

  it("keeps failures that name no template", () => {
    const f = failure("helm failed: values file not found");
    expect(pointAtTemplate(f, "charts/api")).toBe(f);
  });
});
