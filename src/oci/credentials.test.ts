import { describe, expect, it } from "vitest";
import { parseChallenge } from "./authChallenge.js";
import {
  credentialsFromDockerConfig,
  credentialsFromEnv,
} from "./credentials.js";

const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("credentialsFromDockerConfig", () => {
  const config = JSON.stringify({
    auths: {
      "https://index.docker.io/v1/": { auth: b64("hub:pw:with:colons") },
      "ghcr.io": { username: "u", password: "p" },
      "registry.example:5000": { auth: b64("no-colon") },
    },
  });
  const lookup = credentialsFromDockerConfig(config);
  const cases = [
    {
      registry: "docker.io",
      want: { username: "hub", password: "pw:with:colons" },
    },
    { registry: "ghcr.io", want: { username: "u", password: "p" } },
    { registry: "registry.example:5000", want: undefined },
    { registry: "quay.io", want: undefined },
  ];
  it.each(cases)("$registry", ({ registry, want }) => {
    expect(lookup(registry)).toEqual(want);
  });
});

describe("credentialsFromEnv", () => {
  it("prefers per-registry variables over the config document", () => {
    const lookup = credentialsFromEnv({
      GITOPS_GATE_REGISTRY_GHCR_IO_USERNAME: "env-user",
      GITOPS_GATE_REGISTRY_GHCR_IO_PASSWORD: "env-pw",
      GITOPS_GATE_REGISTRY_AUTH: JSON.stringify({
        auths: {
          "ghcr.io": { auth: b64("cfg:pw") },
          "quay.io": { auth: b64("q:pw") },
        },
      }),
    });
    expect(lookup("ghcr.io")).toEqual({
      username: "env-user",
      password: "env-pw",
    });
    expect(lookup("quay.io")).toEqual({ username: "q", password: "pw" });
    expect(lookup("docker.io")).toBeUndefined();
  });
});

describe("parseChallenge", () => {
  const cases = [
    {
      header:
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
      want: {
        scheme: "bearer",
        realm: "https://auth.docker.io/token",
        service: "registry.docker.io",
        scope: "repository:library/nginx:pull",
      },
    },
    {
      header: 'basic realm="Registry"',
      want: { scheme: "basic", realm: "Registry" },
    },
    { header: "Negotiate abc", want: undefined },
    { header: "", want: undefined },
  ];
  it.each(cases)("$header", ({ header, want }) => {
    expect(parseChallenge(header)).toEqual(want);
  });
  it("treats a missing header as no challenge", () => {
    expect(parseChallenge(null)).toBeUndefined();
  });
});
