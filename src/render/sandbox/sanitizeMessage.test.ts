import { describe, expect, it } from "vitest";
import { sanitizeMessage } from "./sanitizeMessage.js";

const ROOT = "/tmp/gg-render-abc/repo";
const HOME = "/tmp/gg-render-abc/home";

describe("sanitizeMessage", () => {
  const cases: [string, string][] = [
    [
      `error: open ${ROOT}/app/kustomization.yaml: bad`,
      "error: open app/kustomization.yaml: bad",
    ],
    [`cache at ${HOME}/.cache/helm failed`, "cache at .cache/helm failed"],
    ["wrote /tmp/kustomize-helm-123/x", "wrote <tmp>"],
    ["\u001b[31mError:\u001b[0m boom", "Error: boom"],
    ["fatal error: x\ngoroutine 1 [running]:\nmain.main()", "fatal error: x"],
    [`in ${ROOT}`, "in ."],
    [
      "execution error at (api/templates/d.yaml:4:11): dbHost is required\n" +
        "\nUse --debug flag to render out invalid YAML",
      "execution error at (api/templates/d.yaml:4:11): dbHost is required",
    ],
  ];
  for (const [input, expected] of cases) {
    it(`cleans ${JSON.stringify(input.slice(0, 30))}`, () => {
      expect(sanitizeMessage(input, [ROOT, HOME])).toBe(expected);
    });
  }

  it("caps long messages and says how much was cut", () => {
    const out = sanitizeMessage("x".repeat(2500), []);
    expect(out).toBe(`${"x".repeat(2000)}… (500 more characters cut)`);
  });
});
