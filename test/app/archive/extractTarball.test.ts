import { existsSync } from "node:fs";
import {
  mkdtemp,
  readFile,
  readlink,
  readdir,
  rm,
  stat,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ArchiveLimitError,
  extractTarball,
} from "../../../src/app/archive/extractTarball.js";
import { makeTarball, type TarEntry } from "../helpers/tarball.js";

const P = "acme-gitops-abc123";
const LIMITS = { maxBytes: 10_000, maxEntries: 50 };
let dir = "";
let outside = "";

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "gg-extract-"));
  outside = await mkdtemp(join(tmpdir(), "gg-outside-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe("extractTarball", () => {
  it("drops the GitHub prefix and keeps files, dirs and inner links", async () => {
    const result = await extractTarball(
      makeTarball([
        { path: "pax_global_header", type: "g" },
        { path: `${P}/`, type: "5" },
        { path: `${P}/apps/web/deploy.yaml`, body: "kind: Deployment\n" },
        { path: `${P}/run.sh`, body: "#!/bin/sh\n", mode: 0o4755 },
        { path: `${P}/link.yaml`, type: "2", linkpath: "apps/web/deploy.yaml" },
      ]),
      dir,
      LIMITS,
    );
    expect(result.refused).toEqual([]);
    expect(await readFile(join(dir, "link.yaml"), "utf8")).toBe(
      "kind: Deployment\n",
    );
    expect(await readlink(join(dir, "link.yaml"))).toBe("apps/web/deploy.yaml");
    expect((await stat(join(dir, "run.sh"))).mode & 0o7777).toBe(0o755);
  });

  const hostile: { name: string; entry: TarEntry; reason: string }[] = [
    {
      name: "absolute path",
      entry: { path: "/tmp/gg-outside-absolute", body: "x" },
      reason: "absolute path",
    },
    {
      name: "dot-dot",
      entry: { path: `${P}/../../escape.txt`, body: "x" },
      reason: "path contains `..`",
    },
    {
      name: "absolute link",
      entry: { path: `${P}/pw`, type: "2", linkpath: "/etc/passwd" },
      reason: "link to an absolute path",
    },
    {
      name: "relative link leaving",
      entry: { path: `${P}/a/pw`, type: "2", linkpath: "../../etc/passwd" },
      reason: "link leaves the tree",
    },
    {
      name: "hard link",
      entry: { path: `${P}/h`, type: "1", linkpath: "/etc/passwd" },
      reason: "hard links are not extracted",
    },
    {
      name: "device",
      entry: { path: `${P}/dev`, type: "3" },
      reason: "entry type CharacterDevice is not extracted",
    },
  ];
  it.each(hostile)("refuses $name", async ({ entry, reason }) => {
    expect(existsSync("/tmp/gg-outside-absolute")).toBe(false);
    const result = await extractTarball(makeTarball([entry]), dir, LIMITS);
    expect(result.refused.map((r) => r.reason)).toEqual([reason]);
    expect(await readdir(dir)).toEqual([]);
    expect(await readdir(outside)).toEqual([]);
  });

  it("refuses a link that escapes through another link", async () => {
    const result = await extractTarball(
      makeTarball([
        { path: `${P}/a`, type: "2", linkpath: "." },
        { path: `${P}/b`, type: "2", linkpath: "a/.." },
        { path: `${P}/a/c.txt`, body: "written through a link" },
      ]),
      dir,
      LIMITS,
    );
    expect(result.refused).toEqual([
      { path: "a/c.txt", reason: "under symlink a" },
      { path: "b", reason: "link leaves the tree" },
    ]);
    expect((await readdir(dir)).sort()).toEqual(["a"]);
  });

  it("refuses a dangling link", async () => {
    const result = await extractTarball(
      makeTarball([{ path: `${P}/d`, type: "2", linkpath: "nowhere" }]),
      dir,
      LIMITS,
    );
    expect(result.refused).toEqual([
      { path: "d", reason: "link target does not exist" },
    ]);
  });

  it.each([
    ["bytes", { maxBytes: 10, maxEntries: 50 }, /more than 10 bytes/],
    ["entries", { maxBytes: 1e6, maxEntries: 2 }, /more than 2 entries/],
  ])("stops at the %s limit", async (_name, limits, message) => {
    const entries = [1, 2, 3].map((i) => ({
      path: `${P}/f${i}.yaml`,
      body: "0123456789",
    }));
    const run = extractTarball(makeTarball(entries), dir, limits);
    await expect(run).rejects.toThrow(ArchiveLimitError);
    await expect(run).rejects.toThrow(message);
  });
});
