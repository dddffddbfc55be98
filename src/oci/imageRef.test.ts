import { describe, expect, it } from "vitest";
import { apiHost, formatImageRef, parseImageRef } from "./imageRef.js";

const D = `sha256:${"ab".repeat(32)}`;

describe("parseImageRef", () => {
  const cases: { input: string; want: string }[] = [
    { input: "nginx", want: "docker.io/library/nginx:latest" },
    { input: "nginx:1.27", want: "docker.io/library/nginx:1.27" },
    { input: "bitnami/redis", want: "docker.io/bitnami/redis:latest" },
    { input: "docker.io/nginx", want: "docker.io/library/nginx:latest" },
    {
      input: "index.docker.io/library/nginx:1",
      want: "docker.io/library/nginx:1",
    },
    { input: "ghcr.io/org/team/app:v1", want: "ghcr.io/org/team/app:v1" },
    { input: "localhost:5000/app", want: "localhost:5000/app:latest" },
    { input: "localhost/app:v2", want: "localhost/app:v2" },
    { input: "127.0.0.1:5000/a/b:c", want: "127.0.0.1:5000/a/b:c" },
    {
      input: "Registry.Example.COM:443/x",
      want: "registry.example.com:443/x:latest",
    },
    { input: `nginx@${D}`, want: `docker.io/library/nginx@${D}` },
    { input: `ghcr.io/o/a:v1@${D}`, want: `ghcr.io/o/a:v1@${D}` },
    { input: `  ghcr.io/o/a:v1  `, want: `ghcr.io/o/a:v1` },
    { input: "[::1]:5000/app", want: "[::1]:5000/app:latest" },
  ];
  it.each(cases)("$input → $want", ({ input, want }) => {
    expect(formatImageRef(parseImageRef(input))).toBe(want);
  });

  it("keeps tag and digest apart", () => {
    expect(parseImageRef(`r.io:5000/a:v1@${D}`)).toEqual({
      registry: "r.io:5000",
      repository: "a",
      tag: "v1",
      digest: D,
    });
  });

  const hostile = [
    "",
    "UPPER/case",
    "nginx@sha256:short",
    `nginx@md5:${"a".repeat(32)}`,
    "nginx:",
    "nginx:bad tag",
    "a//b",
    "ghcr.io/",
    "ghcr.io/org/app:-x",
    "$(id)/x",
    `${"a".repeat(300)}`,
    "a".repeat(2000),
  ];
  it.each(hostile)("rejects %j", (input) => {
    expect(() => parseImageRef(input)).toThrow(/image reference/);
  });

  it("maps Docker Hub to its API host only", () => {
    expect(apiHost("docker.io")).toBe("registry-1.docker.io");
    expect(apiHost("ghcr.io")).toBe("ghcr.io");
  });
});
