import { describe, expect, it } from "vitest";
import { targetEnvironment } from "./targetEnvironment.js";

const config = {
  environments: {
    prod: { paths: ["clusters/prod/**", "apps/*/overlays/prod/**"] },
    dev: { paths: ["apps/*/overlays/dev/**"] },
  },
};

describe("targetEnvironment", () => {
  it.each([
    ["apps/web/overlays/dev", "clusters/prod/web.yaml", "dev"],
    ["infrastructure/namespaces", "clusters/prod/infra.yaml", "prod"],
    [undefined, "clusters/prod/release.yaml", "prod"],
    ["infrastructure", "clusters/lab/infra.yaml", undefined],
  ])("dir %s declared in %s is %s", (dir, file, want) => {
    expect(targetEnvironment(config, dir, file)).toBe(want);
  });
});
