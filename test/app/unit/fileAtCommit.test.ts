import { describe, expect, it } from "vitest";
import { fileAtCommit } from "../../../src/app/github/fileAtCommit.js";
import type { GitHub } from "../../../src/app/github/GitHub.js";

/** A client whose contents API answers `reply` and records the request. */
function client(reply: () => unknown, asked: unknown[] = []): GitHub {
  const getContent = async (args: unknown) => {
    asked.push(args);
    return { data: reply() };
  };
  return { rest: { repos: { getContent } } } as unknown as GitHub;
}

const repo = { owner: "o", repo: "r" };

describe("fileAtCommit", () => {
  it("reads the raw file at the commit", async () => {
    const asked: unknown[] = [];
    const read = fileAtCommit(
      client(() => "a: 1\n", asked),
      repo,
    );
    expect(await read("abc", "x.yaml")).toBe("a: 1\n");
    expect(asked).toEqual([
      { ...repo, path: "x.yaml", ref: "abc", mediaType: { format: "raw" } },
    ]);
  });

  it.each<[string, () => unknown]>([
    [
      "an API error",
      () => {
        throw Object.assign(new Error("nf"), { status: 404 });
      },
    ],
    ["a directory listing", () => [{ name: "x" }]],
    ["a binary file", () => "\u0000\u0001"],
    ["a file over 1 MB", () => "a".repeat(1024 * 1024 + 1)],
  ])("gives undefined for %s", async (_name, reply) => {
    expect(await fileAtCommit(client(reply), repo)("abc", "x")).toBeUndefined();
  });
});
