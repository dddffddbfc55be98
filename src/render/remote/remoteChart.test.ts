import { describe, expect, it } from "vitest";
import { argoChart } from "../argocd/argoChart.js";
import { helmPullArgs } from "./helmPullArgs.js";
import { isAllowed, repoHost, type RemoteChart } from "./RemoteChart.js";

describe("isAllowed", () => {
  const cases: [string, string[], boolean][] = [
    ["https://charts.example.com/stable", ["charts.example.com"], true],
    ["https://Charts.Example.com", ["charts.example.com"], true],
    ["http://127.0.0.1:8080", ["127.0.0.1"], true],
    ["http://127.0.0.1:8080", ["127.0.0.1:8080"], true],
    ["http://127.0.0.1:8080", ["127.0.0.1:9090"], false],
    ["oci://ghcr.io/org/charts", ["ghcr.io"], true],
    ["https://user:pw@charts.example.com", ["charts.example.com"], true],
    ["https://charts.example.com.evil.io", ["charts.example.com"], false],
    ["https://evil.io/charts.example.com", ["charts.example.com"], false],
  ];
  it.each(cases)("%s with %j: %s", (repo, allow, want) => {
    expect(isAllowed(repo, { allow })).toBe(want);
  });

  it("names the host and port", () => {
    expect(repoHost("oci://127.0.0.1:5000/charts")).toEqual({
      host: "127.0.0.1",
      hostPort: "127.0.0.1:5000",
    });
  });
});

describe("argoChart", () => {
  const cases: [Record<string, unknown>, RemoteChart][] = [
    [
      { repoURL: "https://charts.example.com/", targetRevision: "1.*" },
      {
        repo: "https://charts.example.com",
        chart: "web",
        version: "1.*",
        oci: false,
      },
    ],
    [
      { repoURL: "oci://ghcr.io/org/charts", targetRevision: "2.0.0" },
      {
        repo: "oci://ghcr.io/org/charts",
        chart: "web",
        version: "2.0.0",
        oci: true,
      },
    ],
    [
      { repoURL: "ghcr.io/org/charts" },
      { repo: "oci://ghcr.io/org/charts", chart: "web", oci: true },
    ],
  ];
  it.each(cases)("%j", (source, want) => {
    expect(argoChart({ ...source, chart: "web" })).toEqual(want);
  });
});

describe("helmPullArgs", () => {
  const insecure = { insecure: ["127.0.0.1:5000"] };
  const cases: [RemoteChart, string[]][] = [
    [
      {
        repo: "https://c.example.com",
        chart: "web",
        version: "1.x",
        oci: false,
      },
      ["pull", "web", "--repo", "https://c.example.com", "--version", "1.x"],
    ],
    [
      { repo: "https://c.example.com", chart: "web", version: "*", oci: false },
      ["pull", "web", "--repo", "https://c.example.com"],
    ],
    [
      {
        repo: "oci://127.0.0.1:5000/charts",
        chart: "web",
        version: "1.0.0",
        oci: true,
      },
      [
        "pull",
        "oci://127.0.0.1:5000/charts/web",
        "--plain-http",
        "--version",
        "1.0.0",
      ],
    ],
    [
      {
        repo: "oci://ghcr.io/org",
        chart: "web",
        version: "sha256:abc",
        oci: true,
      },
      ["pull", "oci://ghcr.io/org/web@sha256:abc"],
    ],
  ];
  it.each(cases)("%j", (chart, want) => {
    expect(helmPullArgs(chart, "/d", insecure)).toEqual([
      ...want,
      "--destination",
      "/d",
    ]);
  });
});
