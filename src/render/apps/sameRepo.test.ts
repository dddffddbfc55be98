import { describe, expect, it } from "vitest";
import { isThisRepo, normalizeRepoURL } from "./sameRepo.js";

describe("normalizeRepoURL", () => {
  const cases: [string, string][] = [
    ["https://github.com/Acme/GitOps.git", "github.com/acme/gitops"],
    ["git@github.com:acme/gitops.git", "github.com/acme/gitops"],
    ["ssh://git@github.com/acme/gitops", "github.com/acme/gitops"],
    ["https://github.com/acme/gitops/", "github.com/acme/gitops"],
    [
      "https://git.example.com:8443/acme/gitops",
      "git.example.com:8443/acme/gitops",
    ],
  ];
  for (const [url, expected] of cases) {
    it(url, () => expect(normalizeRepoURL(url)).toBe(expected));
  }

  it("matches only listed repositories", () => {
    const ours = ["ssh://git@github.com/acme/gitops"];
    expect(isThisRepo("https://github.com/acme/gitops.git", ours)).toBe(true);
    expect(isThisRepo("https://github.com/acme/gitops-evil", ours)).toBe(false);
    expect(isThisRepo(undefined, ours)).toBe(false);
  });
});
