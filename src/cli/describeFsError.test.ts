import { describe, expect, it } from "vitest";
import { describeFsError } from "./describeFsError.js";

const fsError = (code: string, path: string, syscall = "open") =>
  Object.assign(new Error(`${code}: x`), { code, path, syscall });

describe("describeFsError", () => {
  it.each([
    [
      fsError("EISDIR", "/tmp"),
      "cannot open /tmp: it is a directory, a file was expected (check the path)",
    ],
    [
      fsError("ENOENT", "nope/", "stat"),
      "cannot open nope/: no such file or directory (check the path)",
    ],
    [
      fsError("EACCES", "/root/x", "mkdir"),
      "cannot use /root/x: permission denied (check the path)",
    ],
  ])("%s", (err, text) => {
    expect(describeFsError(err)).toBe(text);
  });

  it("leaves other errors to the internal-error path", () => {
    expect(describeFsError(new Error("boom"))).toBeUndefined();
    expect(describeFsError(fsError("EWHATEVER", "/x"))).toBeUndefined();
  });
});
