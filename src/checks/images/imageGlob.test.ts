import { describe, expect, it } from "vitest";
import { imageGlobMatches } from "./imageGlob.js";

describe("imageGlobMatches", () => {
  const cases = [
    { glob: "ghcr.io/org/**", image: "ghcr.io/org/a/b:v1", want: true },
    { glob: "ghcr.io/org/*", image: "ghcr.io/org/app:v1", want: true },
    { glob: "ghcr.io/org/*", image: "ghcr.io/org/team/app:v1", want: false },
    { glob: "ghcr.io/org/*", image: "ghcr.io/orgx/app:v1", want: false },
    { glob: "ghcr.io/org/app", image: "ghcr.io/org/app", want: true },
    { glob: "ghcr.io/org/app", image: "ghcr.io/org/app-evil", want: false },
    {
      glob: "docker.io/library/ngin?",
      image: "docker.io/library/nginx",
      want: true,
    },
    { glob: "ghcr.io.evil/**", image: "ghcr.io/x", want: false },
    { glob: "ghcr.io/org/**", image: "ghcr.io/org", want: false },
    { glob: "**", image: "anything/at:all", want: true },
    { glob: "ghcr.io/(a|b)", image: "ghcr.io/a", want: false },
  ];
  it.each(cases)("$glob ~ $image → $want", ({ glob, image, want }) => {
    expect(imageGlobMatches(glob, [image])).toBe(want);
  });
});
