import { describe, expect, it } from "vitest";
import { fitText } from "../../../src/app/publish/fitText.js";

describe("fitText", () => {
  it("keeps text within the limit unchanged", () => {
    expect(fitText("a\nb\n", 10, "see x")).toBe("a\nb\n");
  });

  it.each([200, 1000, 65_535])(
    "cuts at a line break to %i and says what was cut",
    (max) => {
      const text = Array.from({ length: 9000 }, (_, i) => `| row ${i} |`).join(
        "\n",
      );
      const out = fitText(text, max, "the check run lists every finding");
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).toMatch(
        /✂️ \d+ characters \(\d+ lines\) were cut to fit GitHub's limit of \d+; the check run lists every finding\./,
      );
      const kept = out.slice(0, out.indexOf("\n\n> ✂️"));
      const cut = Number(/✂️ (\d+) characters/.exec(out)?.[1]);
      expect(kept.length + cut).toBe(text.length);
      expect(text.startsWith(kept)).toBe(true);
    },
  );
});
