import { existsSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { removeCheckout } from "../../../src/app/job/removeCheckout.js";

const log = pino({ level: "silent" });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("removeCheckout", () => {
  it("waits for abandoned work that still writes, then removes all", async () => {
    const root = await mkdtemp(join(tmpdir(), "gg-remove-"));
    const work = (async () => {
      for (let i = 0; i < 20; i += 1) {
        await mkdir(join(root, `d${i}`), { recursive: true });
        await writeFile(join(root, `d${i}`, "f"), "x");
        await sleep(5);
      }
    })();
    await removeCheckout(root, work, log);
    expect(existsSync(root)).toBe(false);
  });

  it("gives up waiting for hung work after the grace period", async () => {
    const root = await mkdtemp(join(tmpdir(), "gg-remove-"));
    const started = Date.now();
    await removeCheckout(root, new Promise(() => {}), log, 50);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(existsSync(root)).toBe(false);
  });
});
