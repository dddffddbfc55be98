import { describe, expect, it } from "vitest";
import { JobSlots } from "../../../src/app/job/JobSlots.js";

describe("JobSlots", () => {
  it("runs at most `size` holders at once, in arrival order", async () => {
    const slots = new JobSlots(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const work = async (i: number) => {
      const release = await slots.acquire();
      running += 1;
      peak = Math.max(peak, running);
      order.push(i);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      release();
      release(); // a second release gives nothing back twice
    };
    await Promise.all([0, 1, 2, 3, 4].map(work));
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    const a = await slots.acquire();
    const b = await slots.acquire();
    let third = false;
    void slots.acquire().then(() => (third = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(third).toBe(false);
    a();
    await new Promise((r) => setTimeout(r, 0));
    expect(third).toBe(true);
    b();
  });
});
