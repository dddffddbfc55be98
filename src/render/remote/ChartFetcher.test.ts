import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderSchema } from "../../config/sections/render.js";
import { createChartFetcher, type ChartFetcher } from "./ChartFetcher.js";
import {
  startChartRepo,
  versionedChart,
  type ChartRepo,
} from "./testing/chartRepo.js";

const { limits } = renderSchema.parse({});
const remote = { insecure: [], maxChartMB: 20 };
let repo: ChartRepo;
let fetcher: ChartFetcher;

beforeAll(async () => {
  repo = await startChartRepo({
    "web-1.0.0": versionedChart("web", "1.0.0"),
    "web-1.2.0": versionedChart("web", "1.2.0"),
    "web-2.0.0": versionedChart("web", "2.0.0"),
  });
  fetcher = createChartFetcher({ remote, limits });
});
afterAll(async () => {
  await fetcher.dispose();
  await repo.stop();
});

const web = (version?: string) => ({
  repo: repo.url,
  chart: "web",
  oci: false,
  ...(version ? { version } : {}),
});

describe("createChartFetcher", () => {
  it.each([
    ["1.0.0", "web-1.0.0.tgz"],
    ["1.x", "web-1.2.0.tgz"],
    [">=1.0.0 <2.0.0", "web-1.2.0.tgz"],
    ["*", "web-2.0.0.tgz"],
    [undefined, "web-2.0.0.tgz"],
  ])("resolves version %s to %s", async (version, file) => {
    const got = await fetcher.fetch(web(version));
    expect(got.ok && got.archive.endsWith(`/${file}`)).toBe(true);
  });

  it("fetches the same (repo, chart, version) once", async () => {
    const before = repo.requests.length;
    const [a, b] = await Promise.all([
      fetcher.fetch(web("1.0.0")),
      fetcher.fetch(web("1.0.0")),
    ]);
    expect(a).toBe(b);
    expect(repo.requests.length).toBe(before);
  });

  it("fails with the reason and no temp path for a missing version", async () => {
    const got = await fetcher.fetch(web("9.9.9"));
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.reason).toMatch(/^helm pull failed: .*9\.9\.9/);
    expect(got.reason).not.toMatch(/gg-charts-|\/tmp\//);
  });

  it("fails closed on a repository that wants a login", async () => {
    const got = await fetcher.fetch({
      ...web("1.0.0"),
      repo: `${repo.url}/private`,
    });
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.reason).toMatch(/401/);
  });

  it("refuses an archive over the size cap", async () => {
    const small = createChartFetcher({
      remote: { ...remote, maxChartMB: 0.0001 },
      limits,
    });
    try {
      const got = await small.fetch(web("1.0.0"));
      expect(got).toEqual({
        ok: false,
        reason: expect.stringMatching(
          /exceeds render\.remote\.maxChartMB \(0\.0001 MB\)/,
        ),
      });
    } finally {
      await small.dispose();
    }
  });
});
