import { describe, expect, it } from "vitest";
import { parseUnifiedDiff } from "./parseUnifiedDiff.js";

describe("parseUnifiedDiff", () => {
  it("reads added lines with their new line numbers", () => {
    const patch = [
      "diff --git a/app/x.yaml b/app/x.yaml",
      "--- a/app/x.yaml",
      "+++ b/app/x.yaml",
      "@@ -3,0 +4,2 @@ kind: ConfigMap",
      "+  token: abc",
      "+  other: def",
      "@@ -10 +12 @@",
      "-old",
      "+new",
    ].join("\n");
    expect(parseUnifiedDiff(patch)).toEqual({
      added: [
        { path: "app/x.yaml", line: 4, text: "  token: abc" },
        { path: "app/x.yaml", line: 5, text: "  other: def" },
        { path: "app/x.yaml", line: 12, text: "new" },
      ],
      deleted: [],
    });
  });

  it("lists deleted files and reads new files from line 1", () => {
    const patch = [
      "--- a/gone.yaml",
      "+++ /dev/null",
      "@@ -1 +0,0 @@",
      "-x",
      "--- /dev/null",
      "+++ b/new file.yaml",
      "@@ -0,0 +1 @@",
      "+a: 1\r",
    ].join("\n");
    expect(parseUnifiedDiff(patch)).toEqual({
      added: [{ path: "new file.yaml", line: 1, text: "a: 1" }],
      deleted: ["gone.yaml"],
    });
  });
});
